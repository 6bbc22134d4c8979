//! Forgiving JSON containers: a nested object, a list of objects and a top-level entry that
//! may hold something else. An odd value in one place counts as absent (or, for a top-level
//! entry, is named in the message for that record) instead of failing the whole file; and
//! objects are never read from lists (serde's derive would, positionally).

use std::fmt;
use std::marker::PhantomData;

use serde::de::value::MapAccessDeserializer;
use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

use super::lenient::{drain_map, drain_seq};

/// A nested object; any other value there (a string, a list, `null`) counts as absent, so
/// one odd field does not fail the whole file. Objects are never read from lists.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Obj<T>(pub(crate) Option<T>);

impl<T> Default for Obj<T> {
    fn default() -> Self {
        Obj(None)
    }
}

impl<T> Obj<T> {
    /// The object, if there was one.
    pub(crate) fn get(&self) -> Option<&T> {
        self.0.as_ref()
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Obj<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let entry = Entry::<T>::deserialize(deserializer)?;
        Ok(Obj(match entry {
            Entry::Object(t) => Some(t),
            Entry::Other(_) => None,
        }))
    }
}

/// A list of objects; entries that are not objects are skipped, and a value that is not a
/// list counts as empty.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct List<T>(pub(crate) Vec<T>);

impl<T> Default for List<T> {
    fn default() -> Self {
        List(Vec::new())
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for List<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ListVisitor<T>(PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for ListVisitor<T> {
            type Value = List<T>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a list")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<List<T>, A::Error> {
                let mut items = Vec::new();
                while let Some(Obj(item)) = seq.next_element::<Obj<T>>()? {
                    items.extend(item);
                }
                Ok(List(items))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<List<T>, A::Error> {
                drain_map(map).map(|()| List(Vec::new()))
            }
            fn visit_bool<E>(self, _: bool) -> Result<List<T>, E> {
                Ok(List(Vec::new()))
            }
            fn visit_i64<E>(self, _: i64) -> Result<List<T>, E> {
                Ok(List(Vec::new()))
            }
            fn visit_u64<E>(self, _: u64) -> Result<List<T>, E> {
                Ok(List(Vec::new()))
            }
            fn visit_f64<E>(self, _: f64) -> Result<List<T>, E> {
                Ok(List(Vec::new()))
            }
            fn visit_str<E>(self, _: &str) -> Result<List<T>, E> {
                Ok(List(Vec::new()))
            }
            fn visit_unit<E>(self) -> Result<List<T>, E> {
                Ok(List(Vec::new()))
            }
        }
        deserializer.deserialize_any(ListVisitor(PhantomData))
    }
}

/// One element of a top-level array: an object, or what was there instead (for the message).
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Entry<T> {
    /// An object, read as `T`.
    Object(T),
    /// Something else: "a number", "a string", "null", ...
    Other(&'static str),
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Entry<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct EntryVisitor<T>(PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for EntryVisitor<T> {
            type Value = Entry<T>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Entry<T>, A::Error> {
                T::deserialize(MapAccessDeserializer::new(map)).map(Entry::Object)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Entry<T>, A::Error> {
                drain_seq(seq).map(|()| Entry::Other("a list"))
            }
            fn visit_bool<E>(self, _: bool) -> Result<Entry<T>, E> {
                Ok(Entry::Other("true or false"))
            }
            fn visit_i64<E>(self, _: i64) -> Result<Entry<T>, E> {
                Ok(Entry::Other("a number"))
            }
            fn visit_u64<E>(self, _: u64) -> Result<Entry<T>, E> {
                Ok(Entry::Other("a number"))
            }
            fn visit_f64<E>(self, _: f64) -> Result<Entry<T>, E> {
                Ok(Entry::Other("a number"))
            }
            fn visit_str<E>(self, _: &str) -> Result<Entry<T>, E> {
                Ok(Entry::Other("a string"))
            }
            fn visit_unit<E>(self) -> Result<Entry<T>, E> {
                Ok(Entry::Other("null"))
            }
            fn visit_none<E>(self) -> Result<Entry<T>, E> {
                Ok(Entry::Other("null"))
            }
        }
        deserializer.deserialize_any(EntryVisitor(PhantomData))
    }
}
