//! One sorting routine for the whole model. Every `sort_by` on a new element type or with
//! a new closure makes the compiler emit another copy of the standard library's stable
//! sort (about ten functions each), and about twenty call sites had made some two hundred
//! of them in the WebAssembly. Here the sort itself runs once, on `u32` positions with a
//! `dyn` comparator; only the small step that moves the elements is generic.

use std::cmp::Ordering;

/// Sorts `items` stably by `compare` (equal elements keep their order), like
/// `slice::sort_by`.
pub fn sort_by<T>(items: &mut [T], compare: impl Fn(&T, &T) -> Ordering) {
    if items.len() < 2 {
        return;
    }
    let order = sorted_positions(items.len(), &|a, b| compare(&items[a], &items[b]));
    rearrange(items, &order);
}

/// Sorts `items` stably by a key computed once per element, like
/// `slice::sort_by_cached_key`.
pub fn sort_by_cached_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    if items.len() < 2 {
        return;
    }
    let keys: Vec<K> = items.iter().map(key).collect();
    let order = sorted_positions(items.len(), &|a, b| keys[a].cmp(&keys[b]));
    rearrange(items, &order);
}

/// Sorts `items` stably by a key, like `slice::sort_by_key` (the key is computed in
/// each comparison, so keep it cheap).
pub fn sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` stably in their natural order, like `slice::sort`.
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

/// Sorts numbers by `f64::total_cmp` (NaN last, -0 before +0).
pub fn sort_floats(values: &mut [f64]) {
    sort_by(values, f64::total_cmp);
}

/// The positions `0..len` in the order `compare` puts them, ties in position order: the one
/// place the standard library's sort is instantiated.
fn sorted_positions(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<u32> {
    // Vec lengths in the model are far below u32::MAX (the budgets cap them at millions).
    let mut order: Vec<u32> = (0..len as u32).collect();
    order.sort_by(|&a, &b| compare(a as usize, b as usize));
    order
}

/// Puts the elements of `items` in the order of `positions` (a permutation of its indices):
/// afterwards `items[i]` is the element that was at `positions[i]`. In place, by following
/// each cycle of the permutation with swaps.
fn rearrange<T>(items: &mut [T], positions: &[u32]) {
    let mut placed = vec![false; items.len()];
    for start in 0..items.len() {
        let mut at = start;
        while !placed[at] {
            placed[at] = true;
            let from = positions[at] as usize;
            if from == start {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorting_is_stable_and_total() {
        let mut pairs = vec![(2, 'a'), (1, 'b'), (2, 'c'), (1, 'd'), (0, 'e')];
        sort_by_key(&mut pairs, |p| p.0);
        assert_eq!(pairs, [(0, 'e'), (1, 'b'), (1, 'd'), (2, 'a'), (2, 'c')]);
        let mut words = vec!["m5", "c5", "r5", "a1"];
        sort(&mut words);
        assert_eq!(words, ["a1", "c5", "m5", "r5"]);
        let mut values = vec![3.0, f64::NAN, -1.0, 2.5];
        sort_floats(&mut values);
        assert_eq!(&values[..3], &[-1.0, 2.5, 3.0]);
        assert!(values[3].is_nan());
        let mut cached = vec!["xlarge", "large", "2xlarge"];
        sort_by_cached_key(&mut cached, |s| s.len());
        assert_eq!(cached, ["large", "xlarge", "2xlarge"]);
        let mut empty: Vec<u8> = Vec::new();
        sort(&mut empty);
        assert!(empty.is_empty());
        // A longer permutation with several cycles lands every element in place.
        let mut many: Vec<u32> = (0..100).map(|i| (i * 37) % 100).collect();
        sort(&mut many);
        assert_eq!(many, (0..100).collect::<Vec<u32>>());
    }
}
