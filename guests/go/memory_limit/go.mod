module wasrisc.dev/guests/memory_limit

go 1.22
