//! SHA-256 (the sha2 crate from crates.io) over 2 MiB of deterministic data, printed as hex.
//! Same data and digest as guests/go/sha256.

use sha2::{Digest, Sha256};

const SIZE: usize = 2 << 20;

fn main() {
    let mut data = vec![0u8; SIZE];
    let mut x: u64 = 0x9e3779b97f4a7c15;
    for byte in data.iter_mut() {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        *byte = x as u8;
    }
    let digest = Sha256::digest(&data);
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    println!("{hex}");
}
