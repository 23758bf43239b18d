//! Any bytes, as text, through every scenario decoder: none may panic, anything accepted
//! must be valid, and a link read must re-encode to a link that reads the same.
#![no_main]

use libfuzzer_sys::fuzz_target;
use retorno::scenario::codec::{decode_link, decode_stored, encode_link, import_json};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(s) = decode_link(&text) {
        assert_eq!(s.validate(), Ok(()));
        assert_eq!(decode_link(&encode_link(&s)), Ok(s));
    }
    if let Ok(s) = decode_stored(&text) {
        assert_eq!(s.validate(), Ok(()));
    }
    if let Ok(list) = import_json(&text) {
        assert!(!list.is_empty());
        for s in &list {
            assert_eq!(s.validate(), Ok(()));
        }
    }
});
