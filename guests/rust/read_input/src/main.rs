//! Reads standard input to its end in 64 KiB reads and prints how many bytes came and, unless
//! the argument is "count", their FNV-1a 64-bit hash. Same output as c/read_input.

use std::io::Read;

fn main() {
    let hash = std::env::args().nth(1).as_deref() != Some("count");
    let mut buffer = vec![0u8; 64 * 1024];
    let mut stdin = std::io::stdin().lock();
    let (mut total, mut fnv) = (0u64, 0xcbf29ce484222325u64);
    loop {
        let n = match stdin.read(&mut buffer) {
            Ok(0) => break,
            Ok(n) => n,
            Err(error) => {
                eprintln!("read_input: {error}");
                std::process::exit(1);
            }
        };
        total += n as u64;
        if hash {
            for &byte in &buffer[..n] {
                fnv = (fnv ^ byte as u64).wrapping_mul(0x100000001b3);
            }
        }
    }
    println!("bytes: {total}");
    if hash {
        println!("fnv1a64: {fnv:016x}");
    }
}
