module wasrisc.dev/guests/accelerators

go 1.24
