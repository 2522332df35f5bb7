module example.org/zkguests/collatz

go 1.22
