module wasrisc.dev/testguests/replaces_testfunc

go 1.22
