module wasrisc.dev/guests/fibonacci

go 1.22
