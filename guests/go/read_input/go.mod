module wasrisc.dev/guests/read_input

go 1.22
