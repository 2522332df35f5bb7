module wasrisc.dev/guests/hello_world

go 1.22
