//! Deterministic "random-looking" text: the same inputs always give the same
//! identifiers, so repeated runs and re-plans agree.

pub const UPPER_ALPHANUMERIC: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
pub const DIGITS: &[u8] = b"0123456789";
pub const LOWER_HEX: &[u8] = b"0123456789abcdef";
pub const SECRET_ALPHABET: &[u8] =
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// `len` characters from `alphabet`, determined by `seed`.
pub fn chars(seed: &[&str], alphabet: &[u8], len: usize) -> String {
    let mut stream = Stream::new(seed);
    (0..len)
        .map(|_| {
            let index = (stream.next_u64() % alphabet.len() as u64) as usize;
            char::from(alphabet[index])
        })
        .collect()
}

pub fn hex(seed: &[&str], len: usize) -> String {
    chars(seed, LOWER_HEX, len)
}

/// A splitmix64 sequence started from the FNV-1a hash of the seed parts.
struct Stream {
    state: u64,
}

impl Stream {
    fn new(seed: &[&str]) -> Stream {
        const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
        const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;
        let mut hash = FNV_OFFSET;
        for part in seed {
            // A separator keeps ["ab", "c"] and ["a", "bc"] apart.
            for byte in part.bytes().chain([0xff]) {
                hash ^= u64::from(byte);
                hash = hash.wrapping_mul(FNV_PRIME);
            }
        }
        Stream { state: hash }
    }

    fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut mixed = self.state;
        mixed = (mixed ^ (mixed >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        mixed = (mixed ^ (mixed >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        mixed ^ (mixed >> 31)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_text() {
        assert_eq!(
            chars(&["user", "alice"], UPPER_ALPHANUMERIC, 16),
            chars(&["user", "alice"], UPPER_ALPHANUMERIC, 16)
        );
    }

    #[test]
    fn seed_parts_do_not_run_together() {
        assert_ne!(hex(&["ab", "c"], 12), hex(&["a", "bc"], 12));
    }

    #[test]
    fn uses_only_the_alphabet() {
        let text = chars(&["x"], DIGITS, 40);
        assert_eq!(text.len(), 40);
        assert!(text.bytes().all(|byte| byte.is_ascii_digit()));
    }
}
