//! Prints fib(n) for n from the first argument (default 30), as an unsigned 64-bit number.

fn fib(n: u32) -> u64 {
    let (mut a, mut b) = (0u64, 1u64);
    for _ in 0..n {
        let next = a.wrapping_add(b);
        a = b;
        b = next;
    }
    a
}

fn main() {
    let n = match std::env::args().nth(1) {
        Some(arg) => arg.parse().unwrap_or_else(|e| {
            eprintln!("fibonacci: bad n {arg:?}: {e}");
            std::process::exit(2);
        }),
        None => 30,
    };
    println!("{}", fib(n));
}
