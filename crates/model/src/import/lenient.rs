//! Forgiving JSON values for imported files: numbers written as strings, strings as numbers.
//!
//! Hand-edited and old files write `8` or `"8"`, `true` or `"true"`, an array or one
//! string. These types accept every JSON value without failing the whole document: what
//! does not fit is kept as text (for the message) or marked as unreadable, and arrays or
//! objects in the wrong place are skipped.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{Deserialize, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use crate::text::Quoted;

use super::fields::clip;

/// A number the source may write as `8`, `8.5`, `"8"`, `"768 GiB"` or `null`.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) enum Num {
    /// Absent, `null` or an empty string.
    #[default]
    Absent,
    /// A JSON number, or a string that reads as one (`"8"`, `"NaN"`).
    Number(f64),
    /// A string that is not a plain number, such as `"768 GiB"` or `"2.5 GHz"`.
    Text(String),
    /// `true`, an array or an object.
    Other,
}

impl Num {
    /// The value as a number; `Ok(None)` when absent; an error naming `what` otherwise.
    pub(crate) fn number(&self, what: &str) -> Result<Option<f64>, String> {
        match self {
            Num::Absent => Ok(None),
            Num::Number(x) => Ok(Some(*x)),
            Num::Text(t) => Err(format!("{what} {} is not a number", Quoted(clip(t)))),
            Num::Other => Err(format!("{what} is not a number")),
        }
    }
}

/// Skips the rest of a sequence.
pub(crate) fn drain_seq<'de, A: SeqAccess<'de>>(mut seq: A) -> Result<(), A::Error> {
    while seq.next_element::<IgnoredAny>()?.is_some() {}
    Ok(())
}

/// Skips the rest of a map.
pub(crate) fn drain_map<'de, A: MapAccess<'de>>(mut map: A) -> Result<(), A::Error> {
    while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
    Ok(())
}

impl<'de> Deserialize<'de> for Num {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct NumVisitor;
        impl<'de> Visitor<'de> for NumVisitor {
            type Value = Num;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a number or a string")
            }
            fn visit_bool<E>(self, _: bool) -> Result<Num, E> {
                Ok(Num::Other)
            }
            fn visit_i64<E>(self, v: i64) -> Result<Num, E> {
                Ok(Num::Number(v as f64))
            }
            fn visit_u64<E>(self, v: u64) -> Result<Num, E> {
                Ok(Num::Number(v as f64))
            }
            fn visit_f64<E>(self, v: f64) -> Result<Num, E> {
                Ok(Num::Number(v))
            }
            fn visit_str<E>(self, v: &str) -> Result<Num, E> {
                let t = v.trim();
                Ok(match t.parse::<f64>() {
                    _ if t.is_empty() => Num::Absent,
                    Ok(x) => Num::Number(x),
                    Err(_) => Num::Text(t.to_owned()),
                })
            }
            fn visit_unit<E>(self) -> Result<Num, E> {
                Ok(Num::Absent)
            }
            fn visit_none<E>(self) -> Result<Num, E> {
                Ok(Num::Absent)
            }
            fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Num, D::Error> {
                Num::deserialize(d)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Num, A::Error> {
                drain_seq(seq).map(|()| Num::Other)
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Num, A::Error> {
                drain_map(map).map(|()| Num::Other)
            }
        }
        deserializer.deserialize_any(NumVisitor)
    }
}

/// A string borrowed from the input where it can be (no escapes); numbers and booleans are
/// written out as text; `null`, arrays and objects are absent.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Text<'a>(pub(crate) Option<Cow<'a, str>>);

impl Text<'_> {
    /// The trimmed text, `None` when absent or blank.
    pub(crate) fn get(&self) -> Option<&str> {
        self.0.as_deref().map(str::trim).filter(|s| !s.is_empty())
    }
}

/// Reads a [`Text`]; shared by [`Text`] and [`Words`].
struct TextVisitor<'a>(PhantomData<&'a ()>);

impl<'de: 'a, 'a> Visitor<'de> for TextVisitor<'a> {
    type Value = Text<'a>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }
    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Text<'a>, E> {
        Ok(Text(Some(Cow::Borrowed(v))))
    }
    fn visit_str<E>(self, v: &str) -> Result<Text<'a>, E> {
        Ok(Text(Some(Cow::Owned(v.to_owned()))))
    }
    fn visit_string<E>(self, v: String) -> Result<Text<'a>, E> {
        Ok(Text(Some(Cow::Owned(v))))
    }
    fn visit_bool<E>(self, v: bool) -> Result<Text<'a>, E> {
        Ok(Text(Some(Cow::Borrowed(if v { "true" } else { "false" }))))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Text<'a>, E> {
        Ok(Text(Some(Cow::Owned(v.to_string()))))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Text<'a>, E> {
        Ok(Text(Some(Cow::Owned(v.to_string()))))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Text<'a>, E> {
        Ok(Text(Some(Cow::Owned(v.to_string()))))
    }
    fn visit_unit<E>(self) -> Result<Text<'a>, E> {
        Ok(Text(None))
    }
    fn visit_none<E>(self) -> Result<Text<'a>, E> {
        Ok(Text(None))
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Text<'a>, D::Error> {
        d.deserialize_any(self)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Text<'a>, A::Error> {
        drain_seq(seq).map(|()| Text(None))
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Text<'a>, A::Error> {
        drain_map(map).map(|()| Text(None))
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for Text<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(TextVisitor(PhantomData))
    }
}

/// A list of strings, also written as one string (`"x86_64"` for `["x86_64"]`).
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Words<'a>(pub(crate) Vec<Cow<'a, str>>);

impl Words<'_> {
    /// Whether any word (trimmed) satisfies `pred`.
    pub(crate) fn any(&self, pred: impl Fn(&str) -> bool) -> bool {
        self.0.iter().any(|w| pred(w.trim()))
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for Words<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct WordsVisitor<'a>(PhantomData<&'a ()>);
        impl<'de: 'a, 'a> Visitor<'de> for WordsVisitor<'a> {
            type Value = Words<'a>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a list of strings")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Words<'a>, A::Error> {
                let mut words = Vec::new();
                while let Some(Text(word)) = seq.next_element::<Text<'a>>()? {
                    words.extend(word);
                }
                Ok(Words(words))
            }
            fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Words<'a>, E> {
                Ok(Words(vec![Cow::Borrowed(v)]))
            }
            fn visit_str<E>(self, v: &str) -> Result<Words<'a>, E> {
                Ok(Words(vec![Cow::Owned(v.to_owned())]))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Words<'a>, A::Error> {
                drain_map(map).map(|()| Words(Vec::new()))
            }
            fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Words<'a>, D::Error> {
                d.deserialize_any(self)
            }
            fn visit_unit<E>(self) -> Result<Words<'a>, E> {
                Ok(Words(Vec::new()))
            }
            fn visit_none<E>(self) -> Result<Words<'a>, E> {
                Ok(Words(Vec::new()))
            }
            fn visit_bool<E>(self, _: bool) -> Result<Words<'a>, E> {
                Ok(Words(Vec::new()))
            }
            fn visit_i64<E>(self, _: i64) -> Result<Words<'a>, E> {
                Ok(Words(Vec::new()))
            }
            fn visit_u64<E>(self, _: u64) -> Result<Words<'a>, E> {
                Ok(Words(Vec::new()))
            }
            fn visit_f64<E>(self, _: f64) -> Result<Words<'a>, E> {
                Ok(Words(Vec::new()))
            }
        }
        deserializer.deserialize_any(WordsVisitor(PhantomData))
    }
}

/// A yes/no the source may write as `true`, `"true"`, `"yes"`, `"current"` or `null`.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct Flag(pub(crate) Option<bool>);

impl<'de> Deserialize<'de> for Flag {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let Text(text) = Text::deserialize(deserializer)?;
        Ok(Flag(text.as_deref().and_then(yes_no)))
    }
}

/// Reads `true`/`yes`/`current`/`1` and `false`/`no`/`previous`/`0` (any case).
pub(crate) fn yes_no(s: &str) -> Option<bool> {
    let s = s.trim();
    let is = |words: [&str; 4]| words.iter().any(|w| s.eq_ignore_ascii_case(w));
    if is(["true", "yes", "current", "1"]) {
        Some(true)
    } else if is(["false", "no", "previous", "0"]) {
        Some(false)
    } else {
        None
    }
}
