//! Counts the Collatz steps of its argument down to 1.

fn main() {
    let start: u64 = std::env::args().nth(1).and_then(|a| a.parse().ok()).expect("usage: collatz N");
    let (mut n, mut steps) = (start, 0u32);
    while n != 1 {
        n = if n % 2 == 0 { n / 2 } else { 3 * n + 1 };
        steps += 1;
    }
    println!("steps({start}) = {steps}");
}
