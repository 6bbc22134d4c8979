//! Ordered sets and maps kept as sorted vectors. The model's sets and maps hold a handful
//! of keys (hidden categories, a Table's typed boxes, the features of a family), where a
//! binary search over a `Vec` is as quick as a tree, and its code is the `Vec` code the
//! page already has: every `BTreeMap` key and value type compiled another copy of the
//! tree's node splitting and merging (some 7 KB of WebAssembly each).
//!
//! Both iterate in ascending key order, compare, hash and print as `BTreeSet` and
//! `BTreeMap` do. Inserting one value is linear in the length; collecting many sorts them
//! once.

use std::borrow::Borrow;
use std::fmt;

/// A set of distinct values in ascending order, like `BTreeSet`.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SortedSet<T> {
    items: Vec<T>,
}

impl<T> Default for SortedSet<T> {
    fn default() -> Self {
        Self { items: Vec::new() }
    }
}

impl<T> SortedSet<T> {
    /// An empty set.
    pub const fn new() -> Self {
        Self { items: Vec::new() }
    }

    /// How many values the set holds.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether the set holds no value.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The values in ascending order.
    pub fn iter(&self) -> std::slice::Iter<'_, T> {
        self.items.iter()
    }

    /// Removes every value.
    pub fn clear(&mut self) {
        self.items.clear();
    }

    /// The values in ascending order, as a slice.
    pub fn as_slice(&self) -> &[T] {
        &self.items
    }
}

impl<T: Ord> SortedSet<T> {
    /// Adds `value`; false when it was there already (the set is unchanged).
    pub fn insert(&mut self, value: T) -> bool {
        match self.items.binary_search(&value) {
            Ok(_) => false,
            Err(at) => {
                self.items.insert(at, value);
                true
            }
        }
    }

    /// Takes `value` out; false when it was not there.
    pub fn remove<Q: Ord + ?Sized>(&mut self, value: &Q) -> bool
    where
        T: Borrow<Q>,
    {
        match self.position(value) {
            Ok(at) => {
                self.items.remove(at);
                true
            }
            Err(_) => false,
        }
    }

    /// Whether `value` is in the set.
    pub fn contains<Q: Ord + ?Sized>(&self, value: &Q) -> bool
    where
        T: Borrow<Q>,
    {
        self.position(value).is_ok()
    }

    /// The values of this set that `other` does not hold, in ascending order.
    pub fn difference<'a>(&'a self, other: &'a Self) -> impl Iterator<Item = &'a T> {
        self.items.iter().filter(|value| !other.contains(*value))
    }

    fn position<Q: Ord + ?Sized>(&self, value: &Q) -> Result<usize, usize>
    where
        T: Borrow<Q>,
    {
        self.items.binary_search_by(|item| item.borrow().cmp(value))
    }
}

impl<T: Ord> Extend<T> for SortedSet<T> {
    fn extend<I: IntoIterator<Item = T>>(&mut self, values: I) {
        for value in values {
            self.insert(value);
        }
    }
}

impl<T: Ord> FromIterator<T> for SortedSet<T> {
    /// Sorts the values once (the model's one sort) and drops repeats, so a large set is
    /// built in `n log n`.
    fn from_iter<I: IntoIterator<Item = T>>(values: I) -> Self {
        let mut items: Vec<T> = values.into_iter().collect();
        crate::order::sort(&mut items);
        items.dedup();
        Self { items }
    }
}

impl<T: Ord, const N: usize> From<[T; N]> for SortedSet<T> {
    fn from(values: [T; N]) -> Self {
        values.into_iter().collect()
    }
}

impl<'a, T> IntoIterator for &'a SortedSet<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.iter()
    }
}

impl<T> IntoIterator for SortedSet<T> {
    type Item = T;
    type IntoIter = std::vec::IntoIter<T>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

impl<T: fmt::Debug> fmt::Debug for SortedSet<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(&self.items).finish()
    }
}

/// The entries of a [`SortedMap`] as key and value references, in ascending key order.
pub type Entries<'a, K, V> =
    std::iter::Map<std::slice::Iter<'a, (K, V)>, fn(&'a (K, V)) -> (&'a K, &'a V)>;

fn entry_parts<K, V>((key, value): &(K, V)) -> (&K, &V) {
    (key, value)
}

/// A map from distinct keys, in ascending key order, like `BTreeMap`.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SortedMap<K, V> {
    entries: Vec<(K, V)>,
}

impl<K, V> Default for SortedMap<K, V> {
    fn default() -> Self {
        Self {
            entries: Vec::new(),
        }
    }
}

impl<K, V> SortedMap<K, V> {
    /// An empty map.
    pub const fn new() -> Self {
        Self {
            entries: Vec::new(),
        }
    }

    /// How many keys the map holds.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the map holds no key.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The keys and their values in ascending key order.
    pub fn iter(&self) -> Entries<'_, K, V> {
        self.entries.iter().map(entry_parts)
    }

    /// The keys in ascending order.
    pub fn keys(&self) -> impl DoubleEndedIterator<Item = &K> + ExactSizeIterator {
        self.entries.iter().map(|(k, _)| k)
    }

    /// The values in ascending order of their keys.
    pub fn values(&self) -> impl DoubleEndedIterator<Item = &V> + ExactSizeIterator {
        self.entries.iter().map(|(_, v)| v)
    }

    /// Removes every key.
    pub fn clear(&mut self) {
        self.entries.clear();
    }

    /// Keeps only the entries `keep` says yes to.
    pub fn retain(&mut self, mut keep: impl FnMut(&K, &mut V) -> bool) {
        self.entries.retain_mut(|(k, v)| keep(k, v));
    }
}

impl<K: Ord, V> SortedMap<K, V> {
    /// Sets `key` to `value`, returning the value it replaced.
    pub fn insert(&mut self, key: K, value: V) -> Option<V> {
        match self.position(&key) {
            Ok(at) => Some(std::mem::replace(&mut self.entries[at].1, value)),
            Err(at) => {
                self.entries.insert(at, (key, value));
                None
            }
        }
    }

    /// The value of `key`.
    pub fn get<Q: Ord + ?Sized>(&self, key: &Q) -> Option<&V>
    where
        K: Borrow<Q>,
    {
        let at = self.position(key).ok()?;
        Some(&self.entries[at].1)
    }

    /// The value of `key`, to change it.
    pub fn get_mut<Q: Ord + ?Sized>(&mut self, key: &Q) -> Option<&mut V>
    where
        K: Borrow<Q>,
    {
        let at = self.position(key).ok()?;
        Some(&mut self.entries[at].1)
    }

    /// Whether the map holds `key`.
    pub fn contains_key<Q: Ord + ?Sized>(&self, key: &Q) -> bool
    where
        K: Borrow<Q>,
    {
        self.position(key).is_ok()
    }

    /// Takes `key` out, returning its value.
    pub fn remove<Q: Ord + ?Sized>(&mut self, key: &Q) -> Option<V>
    where
        K: Borrow<Q>,
    {
        let at = self.position(key).ok()?;
        Some(self.entries.remove(at).1)
    }

    /// The value of `key`, first set to `V::default()` when the key is new.
    pub fn value_or_default(&mut self, key: K) -> &mut V
    where
        V: Default,
    {
        let at = match self.position(&key) {
            Ok(at) => at,
            Err(at) => {
                self.entries.insert(at, (key, V::default()));
                at
            }
        };
        &mut self.entries[at].1
    }

    fn position<Q: Ord + ?Sized>(&self, key: &Q) -> Result<usize, usize>
    where
        K: Borrow<Q>,
    {
        self.entries.binary_search_by(|(k, _)| k.borrow().cmp(key))
    }
}

impl<K: Ord, V> SortedMap<K, Vec<V>> {
    /// The values under each key, in the order they came, from pairs in any order: one
    /// sort, so a large grouping costs `n log n`.
    pub fn grouped(pairs: impl IntoIterator<Item = (K, V)>) -> Self {
        let mut sorted: Vec<(K, V)> = pairs.into_iter().collect();
        crate::order::sort_by(&mut sorted, |a, b| a.0.cmp(&b.0));
        let mut entries: Vec<(K, Vec<V>)> = Vec::new();
        for (key, value) in sorted {
            match entries.last_mut() {
                Some(last) if last.0 == key => last.1.push(value),
                _ => entries.push((key, vec![value])),
            }
        }
        Self { entries }
    }
}

impl<K: Ord, V> Extend<(K, V)> for SortedMap<K, V> {
    fn extend<I: IntoIterator<Item = (K, V)>>(&mut self, pairs: I) {
        for (key, value) in pairs {
            self.insert(key, value);
        }
    }
}

impl<K: Ord, V> FromIterator<(K, V)> for SortedMap<K, V> {
    /// A later pair replaces an earlier one with the same key. Sorts the pairs once (the
    /// model's one sort, which keeps equal keys in their order), so a large map is built
    /// in `n log n`.
    fn from_iter<I: IntoIterator<Item = (K, V)>>(pairs: I) -> Self {
        let mut sorted: Vec<(K, V)> = pairs.into_iter().collect();
        crate::order::sort_by(&mut sorted, |a, b| a.0.cmp(&b.0));
        let mut entries: Vec<(K, V)> = Vec::with_capacity(sorted.len());
        for (key, value) in sorted {
            match entries.last_mut() {
                Some(last) if last.0 == key => last.1 = value,
                _ => entries.push((key, value)),
            }
        }
        Self { entries }
    }
}

impl<K: Ord, V, const N: usize> From<[(K, V); N]> for SortedMap<K, V> {
    fn from(pairs: [(K, V); N]) -> Self {
        pairs.into_iter().collect()
    }
}

impl<'a, K, V> IntoIterator for &'a SortedMap<K, V> {
    type Item = (&'a K, &'a V);
    type IntoIter = Entries<'a, K, V>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl<K, V> IntoIterator for SortedMap<K, V> {
    type Item = (K, V);
    type IntoIter = std::vec::IntoIter<(K, V)>;
    fn into_iter(self) -> Self::IntoIter {
        self.entries.into_iter()
    }
}

impl<K: fmt::Debug, V: fmt::Debug> fmt::Debug for SortedMap<K, V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::{BTreeMap, BTreeSet};

    #[test]
    fn a_set_orders_dedups_and_removes_like_a_btree_set() {
        let letters = ['n', 'd', 'a', 'd', 'z', 'a'];
        let set: SortedSet<char> = letters.into_iter().collect();
        let tree: BTreeSet<char> = letters.into_iter().collect();
        assert!(set.iter().eq(tree.iter()));
        assert_eq!(format!("{set:?}"), format!("{tree:?}"));
        let mut set = set;
        assert!(!set.insert('n'), "a value already there is not added twice");
        assert!(set.insert('b'));
        assert!(set.remove(&'a'));
        assert!(!set.remove(&'a'));
        assert_eq!(set.iter().collect::<String>(), "bdnz");
        assert!(set.contains(&'z') && !set.contains(&'y'));
        let words = SortedSet::from(["m5".to_string(), "c5".to_string()]);
        assert!(words.contains("c5"), "looked up by a borrowed key");
        assert!(SortedSet::from([2, 1]) == SortedSet::from([1, 2, 2]));
        assert!(SortedSet::from([1, 2]) < SortedSet::from([1, 3]));
        let (one, other) = (SortedSet::from([1, 2, 3, 5]), SortedSet::from([2, 5, 8]));
        assert!(one.difference(&other).eq([1, 3].iter()));
    }

    #[test]
    fn a_map_keeps_the_last_value_of_a_key_like_a_btree_map() {
        let pairs = [(2, "b"), (1, "a"), (2, "c"), (0, "z")];
        let map: SortedMap<i32, &str> = pairs.into_iter().collect();
        let tree: BTreeMap<i32, &str> = pairs.into_iter().collect();
        assert!(map.iter().eq(tree.iter()));
        assert_eq!(format!("{map:?}"), format!("{tree:?}"));
        assert_eq!(map.get(&2), Some(&"c"), "the later pair wins");
        let mut map = map;
        assert_eq!(map.insert(1, "A"), Some("a"));
        assert_eq!(map.remove(&0), Some("z"));
        assert_eq!(map.remove(&0), None);
        assert_eq!(map.get(&1), Some(&"A"));
        assert!(map.contains_key(&2) && !map.contains_key(&3));
        map.value_or_default(7);
        *map.value_or_default(1) = "one";
        assert_eq!(map.keys().copied().collect::<Vec<_>>(), [1, 2, 7]);
        assert_eq!(map.values().copied().collect::<Vec<_>>(), ["one", "c", ""]);
        map.retain(|k, _| *k != 2);
        assert_eq!(map.len(), 2);
        let groups = SortedMap::grouped([("m5", 1), ("c5", 2), ("m5", 3), ("a1", 4), ("c5", 5)]);
        let groups: Vec<(&str, Vec<i32>)> = groups.into_iter().collect();
        assert_eq!(
            groups,
            [("a1", vec![4]), ("c5", vec![2, 5]), ("m5", vec![1, 3])]
        );
        let texts = SortedMap::from([("b".to_string(), 1)]);
        assert_eq!(texts.get("b"), Some(&1), "looked up by a borrowed key");
    }
}
