//! The Decoder, Letter prices and Capabilities say what a capability letter means in the
//! same words: every one of them reads the one table in `letters.rs`.

use atlas_model::capabilities::Feature;
use atlas_model::chart::letters::letter_name;
use atlas_model::letters::{LetterMeaning, LETTERS};
use atlas_model::name::{decode, Capability};

/// A real name carrying each letter, and the part of it that is the letter.
const SAMPLES: [(&str, &str); 9] = [
    ("m5d.large", "d"),
    ("c5n.large", "n"),
    ("m5a.large", "a"),
    ("m6g.large", "g"),
    ("m6i.large", "i"),
    ("r7iz.large", "z"),
    ("x2iedn.xlarge", "e"),
    ("r5b.large", "b"),
    ("c7i-flex.large", "flex"),
];

/// What the Decoder shows next to `part` of `name`.
fn decoder_words(name: &str, part: &str) -> String {
    let decoded = decode(name).unwrap_or_else(|e| panic!("{name}: {e}"));
    decoded
        .explain()
        .into_iter()
        .find(|(p, _)| p == part)
        .unwrap_or_else(|| panic!("{name} has no part {part}"))
        .1
}

#[test]
fn decoder_letter_prices_and_capabilities_use_the_table_for_every_letter() {
    for (name, letter) in SAMPLES {
        let entry = LetterMeaning::of_letter(letter).expect("a capability letter");
        let capability = Capability::from_letter(letter).expect("a capability");
        assert_eq!(decoder_words(name, letter), entry.long, "Decoder on {name}");
        assert_eq!(capability.meaning(), entry.long);
        assert_eq!(
            letter_name(letter),
            entry.short,
            "Letter prices on {letter}"
        );
        let feature = Feature::from_capability(capability);
        assert_eq!(feature.label(), entry.heading, "Capabilities on {letter}");
        assert_eq!(feature.code(), (entry.letter, entry.source));
    }
}

#[test]
fn the_words_users_see_are_kept() {
    let d = LetterMeaning::of(Capability::LocalNvme);
    assert_eq!(
        (d.short, d.long, d.heading),
        (
            "local NVMe",
            "local NVMe instance storage",
            "Local NVMe storage"
        )
    );
    assert_eq!(letter_name("a"), "AMD");
    assert_eq!(letter_name("g"), "Graviton");
    assert_eq!(
        decoder_words("p3dn.24xlarge", "n"),
        "network (and EBS) optimised"
    );
    assert_eq!(decoder_words("p4de.24xlarge", "e"), "more GPU memory");
}

#[test]
fn every_letter_has_every_wording() {
    for m in LETTERS {
        assert!(!m.short.is_empty() && !m.long.is_empty() && !m.heading.is_empty());
        assert!(m.source.contains(m.letter), "{}", m.letter);
    }
}
