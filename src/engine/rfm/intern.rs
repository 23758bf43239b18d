//! Byte strings numbered in order of first sight (customer ids, invoice numbers), each
//! stored once.
//!
//! Why not `HashMap<Box<[u8]>, u32>`, as before issue 28: each key was its own heap block
//! (a 7-byte customer id took a 32-byte block, plus 24 bytes of table entry and its
//! slack), every growth of the table re-read every key to hash it again, and freeing
//! millions of blocks at the end took time of its own. On a file where every line is a
//! new customer and a new invoice that was most of the 517 MB and of the 12 s. Here the
//! keys lie end to end in one buffer, a table slot is 8 bytes (the key's 32-bit hash and
//! its number), and growing the table moves slots without reading any key.

use super::aggregate::Fx;
use super::RfmError;
use std::hash::Hasher;

/// The table's largest load, as a fraction `LOAD_NUM / LOAD_DEN` of its slots: linear
/// probing stays short (about 2.5 slots looked at for a new key, on average) and every
/// probe ends, because a slot is always empty.
const LOAD_NUM: usize = 3;
const LOAD_DEN: usize = 4;

/// The first table size (a power of two).
const FIRST_SLOTS: usize = 16;

/// Distinct byte strings, numbered 0, 1, 2… in order of first sight.
#[derive(Debug, Default)]
pub(super) struct Interner {
    /// Every key, end to end.
    bytes: Vec<u8>,
    /// `ends[i]`: where key `i` ends in `bytes` (it starts where key `i − 1` ends).
    ends: Vec<u32>,
    /// Open addressing with linear probing; a power of two long (or empty). 0 is an
    /// empty slot, otherwise `hash << 32 | (number + 1)`.
    slots: Vec<u64>,
}

/// The 32-bit hash of a key: its low bits pick the slot, all of it screens keys before
/// their bytes are compared.
fn hash(key: &[u8]) -> u32 {
    let mut h = Fx::default();
    h.write(key);
    // Fx::finish mixes every bit into the high half too.
    (h.finish() >> 32) as u32
}

impl Interner {
    /// Frees the table: the keys stay readable ([`key`](Interner::key)), no longer
    /// findable. For scoring, which only reads the customer ids back.
    pub(super) fn drop_table(&mut self) {
        self.slots = Vec::new();
    }

    /// How many keys.
    #[cfg(test)]
    pub(super) fn len(&self) -> usize {
        self.ends.len()
    }

    /// Key number `id`.
    pub(super) fn key(&self, id: u32) -> Option<&[u8]> {
        let i = id as usize;
        let end = *self.ends.get(i)? as usize;
        let start = match i.checked_sub(1) {
            Some(p) => *self.ends.get(p)? as usize,
            None => 0,
        };
        self.bytes.get(start..end)
    }

    /// The slot of `key` (holding it, or the empty one where it would go), with its hash.
    /// `None` only while the table is empty.
    fn probe(&self, key: &[u8], h: u32) -> Option<(usize, Option<u32>)> {
        let mask = self.slots.len().checked_sub(1)?;
        let mut pos = h as usize & mask;
        loop {
            let slot = *self.slots.get(pos)?;
            if slot == 0 {
                return Some((pos, None));
            }
            if (slot >> 32) as u32 == h {
                // Slots hold number + 1 ≥ 1.
                let id = (slot as u32).wrapping_sub(1);
                if self.key(id) == Some(key) {
                    return Some((pos, Some(id)));
                }
            }
            pos = (pos + 1) & mask;
        }
    }

    /// The number of `key`, if seen.
    #[cfg(test)]
    pub(super) fn find(&self, key: &[u8]) -> Option<u32> {
        self.probe(key, hash(key)).and_then(|(_, id)| id)
    }

    /// The number of `key` and whether it is new. A new key is first given to `admit`,
    /// whose error is returned instead (the key is then not stored). Errors also:
    /// [`RfmError::Overflow`] past 2³² − 1 keys or 4 GiB of keys (a file is at most
    /// 256 MiB, so neither can happen).
    pub(super) fn intern(
        &mut self,
        key: &[u8],
        admit: impl FnOnce() -> Result<(), RfmError>,
    ) -> Result<(u32, bool), RfmError> {
        let h = hash(key);
        if let Some((_, Some(id))) = self.probe(key, h) {
            return Ok((id, false));
        }
        admit()?;
        let id = u32::try_from(self.ends.len()).map_err(|_| RfmError::Overflow)?;
        let number = id.checked_add(1).ok_or(RfmError::Overflow)?;
        let end = self
            .bytes
            .len()
            .checked_add(key.len())
            .and_then(|end| u32::try_from(end).ok())
            .ok_or(RfmError::Overflow)?;
        let full = self
            .ends
            .len()
            .checked_add(1)
            .and_then(|n| n.checked_mul(LOAD_DEN));
        if full.is_none_or(|n| n > self.slots.len().saturating_mul(LOAD_NUM)) {
            self.grow()?;
        }
        let (pos, _) = self.probe(key, h).ok_or(RfmError::Overflow)?;
        let slot = self.slots.get_mut(pos).ok_or(RfmError::Overflow)?;
        *slot = u64::from(h) << 32 | u64::from(number);
        self.bytes.extend_from_slice(key);
        self.ends.push(end);
        Ok((id, true))
    }

    /// Doubles the table, moving each slot by its stored hash (no key is read).
    fn grow(&mut self) -> Result<(), RfmError> {
        let size = match self.slots.len() {
            0 => FIRST_SLOTS,
            n => n.checked_mul(2).ok_or(RfmError::Overflow)?,
        };
        let mask = size - 1;
        let mut slots = vec![0u64; size];
        for &slot in self.slots.iter().filter(|&&s| s != 0) {
            let mut pos = (slot >> 32) as usize & mask;
            // The new table is at most half full, so an empty slot comes.
            while slots.get(pos).is_some_and(|&s| s != 0) {
                pos = (pos + 1) & mask;
            }
            if let Some(free) = slots.get_mut(pos) {
                *free = slot;
            }
        }
        self.slots = slots;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::HashMap;

    #[test]
    fn numbers_in_order_of_first_sight() {
        let mut t = Interner::default();
        let ok = || Ok(());
        assert_eq!(t.find(b"a"), None);
        assert_eq!(t.intern(b"b", ok), Ok((0, true)));
        assert_eq!(t.intern(b"", ok), Ok((1, true)));
        assert_eq!(t.intern(b"b", ok), Ok((0, false)));
        assert_eq!(t.intern(b"ab", ok), Ok((2, true)));
        assert_eq!(t.find(b""), Some(1));
        assert_eq!(t.key(2), Some(&b"ab"[..]));
        assert_eq!(t.key(3), None);
        // A refused key is not stored.
        assert_eq!(
            t.intern(b"x", || Err(RfmError::Binary)),
            Err(RfmError::Binary)
        );
        assert_eq!(t.find(b"x"), None);
        assert_eq!(t.len(), 3);
    }

    proptest! {
        /// Against std's HashMap as the reference: the same numbers, through many
        /// growths of the table (keys from a small alphabet, so many repeat).
        #[test]
        fn same_numbers_as_a_hash_map(keys in prop::collection::vec(
            prop::collection::vec(0u8..4, 0..6), 0..600)) {
            let mut t = Interner::default();
            let mut reference: HashMap<Vec<u8>, u32> = HashMap::new();
            for key in &keys {
                let next = reference.len() as u32;
                let want = match reference.get(key) {
                    Some(&id) => (id, false),
                    None => {
                        reference.insert(key.clone(), next);
                        (next, true)
                    }
                };
                prop_assert_eq!(t.intern(key, || Ok(())), Ok(want));
            }
            prop_assert_eq!(t.len(), reference.len());
            for (key, &id) in &reference {
                prop_assert_eq!(t.find(key), Some(id));
                prop_assert_eq!(t.key(id), Some(key.as_slice()));
            }
        }
    }
}
