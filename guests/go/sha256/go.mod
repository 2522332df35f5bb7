module wasrisc.dev/guests/sha256

go 1.22
