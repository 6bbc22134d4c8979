//! Reading a JSON file's records one at a time: each record is read, handed to the
//! [`Builder`] and dropped before the next is read, so memory holds one record, not the
//! whole top-level array. Once the file has held more than
//! [`super::MAX_INSTANCE_TYPES`] records, the rest are only counted (skipped without being
//! built), so the refusal can say how many the file holds.

use std::fmt;

use serde::de::{
    Deserialize, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor,
};

use super::lenient::drain_seq;
use super::report::Builder;
use super::shapes::Entry;

/// What a reader does with one record: hand it to the builder as the n-th (1-based).
pub(crate) type AddRecord<T> = fn(&mut Builder, usize, &Entry<T>);

/// Reads a list of records of type `T` into the builder, one at a time.
pub(crate) struct Records<'b, T> {
    builder: &'b mut Builder,
    add: AddRecord<T>,
}

impl<'b, T> Records<'b, T> {
    /// Records read by `add` into `builder`.
    pub(crate) fn new(builder: &'b mut Builder, add: AddRecord<T>) -> Self {
        Records { builder, add }
    }

    /// Reads one record (not in a list).
    pub(crate) fn one<'de, D>(self, deserializer: D) -> Result<(), D::Error>
    where
        T: Deserialize<'de>,
        D: Deserializer<'de>,
    {
        let record = Entry::<T>::deserialize(deserializer)?;
        let n = self.builder.arrived();
        (self.add)(self.builder, n, &record);
        Ok(())
    }
}

impl<'de, T: Deserialize<'de>> DeserializeSeed<'de> for Records<'_, T> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de, T: Deserialize<'de>> Visitor<'de> for Records<'_, T> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list of instance types")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        loop {
            if self.builder.full() {
                if seq.next_element::<IgnoredAny>()?.is_none() {
                    return Ok(());
                }
                self.builder.arrived();
                continue;
            }
            let Some(record) = seq.next_element::<Entry<T>>()? else {
                return Ok(());
            };
            let n = self.builder.arrived();
            (self.add)(self.builder, n, &record);
        }
    }
}

/// Reads one describe-instance-types page (`{"InstanceTypes": [...], ...}`) into the
/// builder: records of type `T`, the other keys skipped; a value that is not an object is
/// noted as a skipped page.
pub(crate) struct Page<'b, T> {
    /// The page's place in the file (1-based), for messages.
    pub(crate) number: usize,
    /// Where its records go.
    pub(crate) records: Records<'b, T>,
}

impl<'de, T: Deserialize<'de>> DeserializeSeed<'de> for Page<'_, T> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'b, T> Page<'b, T> {
    /// Notes that page `number` holds `found` instead of an object.
    fn not_a_page<E>(self, found: &str) -> Result<(), E> {
        let n = self.number;
        self.records.builder.skip(format!(
            "page {n}: {found}, not a page of describe-instance-types output"
        ));
        Ok(())
    }
}

impl<'de, T: Deserialize<'de>> Visitor<'de> for Page<'_, T> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a page of describe-instance-types output")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let Page { records, .. } = self;
        let Records { builder, add } = records;
        while let Some(key) = map.next_key::<String>()? {
            if key == "InstanceTypes" {
                map.next_value_seed(Records::<T> {
                    builder: &mut *builder,
                    add,
                })?;
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(())
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<(), A::Error> {
        drain_seq(seq)?;
        self.not_a_page("a list")
    }
    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        self.not_a_page("true or false")
    }
    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        self.not_a_page("a number")
    }
    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        self.not_a_page("a number")
    }
    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        self.not_a_page("a number")
    }
    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        self.not_a_page("a string")
    }
    fn visit_unit<E>(self) -> Result<(), E> {
        self.not_a_page("null")
    }
}

/// Reads a list of pages into the builder, one page at a time.
pub(crate) struct Pages<'b, T>(pub(crate) Records<'b, T>);

impl<'de, T: Deserialize<'de>> DeserializeSeed<'de> for Pages<'_, T> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de, T: Deserialize<'de>> Visitor<'de> for Pages<'_, T> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list of describe-instance-types pages")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let Records { builder, add } = self.0;
        let mut number = 0;
        loop {
            number += 1;
            let page = Page::<T> {
                number,
                records: Records {
                    builder: &mut *builder,
                    add,
                },
            };
            if seq.next_element_seed(page)?.is_none() {
                return Ok(());
            }
        }
    }
}
