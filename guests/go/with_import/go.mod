module wasrisc.dev/guests/with_import

go 1.22
