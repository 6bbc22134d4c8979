//! "Did you mean …?" for the Decoder: the known names closest to what was typed.
//!
//! Closeness is the optimal string alignment distance (Damerau-Levenshtein where no
//! substring is edited twice): insertions, deletions, substitutions and swaps of two
//! neighbouring characters each cost 1. Separators are free: the distance is the smaller
//! of the one between the texts as written and the one between them without `.` and `-`,
//! so `c7gn16xlarge` is 0 from `c7gn.16xlarge` and 1 from `c7g.16xlarge`. A name that
//! starts with the input (`p3dn.24xl`) costs 1, as if one edit completed it. Input is
//! lower-cased (ASCII) and stripped of whitespace; inputs over [`MAX_INPUT_CHARS`] get no
//! suggestions. Work is O(n·m) per name on fixed stack buffers, abandoned as soon as a
//! name cannot be close enough; nothing is allocated per name.

/// Inputs (and names) longer than this many characters are not compared.
pub const MAX_INPUT_CHARS: usize = 64;

/// The largest distance worth suggesting: 2 for inputs under 10 characters, else 3.
fn max_distance(input_chars: usize) -> usize {
    if input_chars < 10 {
        2
    } else {
        3
    }
}

/// A name or input as lower-case characters on the stack.
type Buffer = [char; MAX_INPUT_CHARS];

/// Copies the characters of `text` that `keep` accepts into `buffer`, lower-cased (ASCII);
/// their count, or `None` if there are more than [`MAX_INPUT_CHARS`].
fn fill(buffer: &mut Buffer, text: &str, keep: impl Fn(char) -> bool) -> Option<usize> {
    let mut len = 0;
    for c in text.chars().filter(|c| keep(*c)) {
        *buffer.get_mut(len)? = c.to_ascii_lowercase();
        len += 1;
    }
    Some(len)
}

fn not_space(c: char) -> bool {
    !c.is_whitespace()
}

fn not_separator(c: char) -> bool {
    !(c.is_whitespace() || c == '.' || c == '-')
}

/// Up to `limit` names from `names` closest to `input`, best first; ties go to the name
/// closer as written, then nearer in length to the input, then first in byte order.
/// Names too far away (see the module notes) are not suggested, so garbage gets nothing.
pub fn suggest<'a>(input: &str, names: impl Iterator<Item = &'a str>, limit: usize) -> Vec<String> {
    let (mut typed, mut typed_bare) = (['\0'; MAX_INPUT_CHARS], ['\0'; MAX_INPUT_CHARS]);
    let (Some(len), Some(bare_len)) = (
        fill(&mut typed, input, not_space),
        fill(&mut typed_bare, input, not_separator),
    ) else {
        return Vec::new();
    };
    if len == 0 || limit == 0 {
        return Vec::new();
    }
    let (typed, typed_bare) = (&typed[..len], &typed_bare[..bare_len]);
    let bound = max_distance(len);
    let mut found: Vec<(usize, usize, usize, &str)> = Vec::new();
    let (mut chars, mut bare) = (['\0'; MAX_INPUT_CHARS], ['\0'; MAX_INPUT_CHARS]);
    for name in names {
        let (Some(name_len), Some(name_bare_len)) = (
            fill(&mut chars, name, not_space),
            fill(&mut bare, name, not_separator),
        ) else {
            continue;
        };
        let (candidate, candidate_bare) = (&chars[..name_len], &bare[..name_bare_len]);
        let prefix = len >= 2 && name_len > len && candidate.starts_with(typed);
        let written = if prefix {
            Some(1)
        } else {
            distance_within(typed, candidate, bound)
        };
        let loose = distance_within(typed_bare, candidate_bare, bound);
        let Some(best) = written.into_iter().chain(loose).min() else {
            continue;
        };
        let written = written.unwrap_or(usize::MAX);
        found.push((best, written, name_len.abs_diff(len), name));
    }
    crate::order::sort(&mut found);
    found.dedup_by(|a, b| a.3 == b.3);
    found
        .into_iter()
        .take(limit)
        .map(|(_, _, _, name)| name.to_owned())
        .collect()
}

/// The optimal string alignment distance between `a` and `b` if it is at most `bound`.
/// Both are at most [`MAX_INPUT_CHARS`] long.
fn distance_within(a: &[char], b: &[char], bound: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > bound || a.len() > MAX_INPUT_CHARS || b.len() > MAX_INPUT_CHARS {
        return None;
    }
    // Three rows of the dynamic-programming table: two back, one back, current.
    let mut rows = [[0usize; MAX_INPUT_CHARS + 1]; 3];
    for (j, cell) in rows[1].iter_mut().enumerate().take(b.len() + 1) {
        *cell = j;
    }
    for i in 1..=a.len() {
        let [before, previous, current] = &mut rows;
        current[0] = i;
        let mut row_min = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (previous[j] + 1)
                .min(current[j - 1] + 1)
                .min(previous[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(before[j - 2] + 1);
            }
            current[j] = best;
            row_min = row_min.min(best);
        }
        if row_min > bound {
            return None;
        }
        rows.rotate_left(1);
    }
    // After the last rotation the finished row is the middle one.
    Some(rows[1][b.len()]).filter(|d| *d <= bound)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn osa(a: &str, b: &str) -> Option<usize> {
        let a: Vec<char> = a.chars().collect();
        let b: Vec<char> = b.chars().collect();
        distance_within(&a, &b, 10)
    }

    #[test]
    fn distance_counts_edits_and_swaps() {
        assert_eq!(osa("m5.large", "m5.large"), Some(0));
        assert_eq!(osa("m5.larg", "m5.large"), Some(1));
        assert_eq!(osa("24xlrage", "24xlarge"), Some(1));
        assert_eq!(osa("ca", "abc"), Some(3));
        assert_eq!(osa("", "abc"), Some(3));
        assert_eq!(osa("kitten", "sitting"), Some(3));
    }

    #[test]
    fn distance_gives_up_beyond_the_bound() {
        let a: Vec<char> = "aaaaaaaa".chars().collect();
        let b: Vec<char> = "bbbbbbbb".chars().collect();
        assert_eq!(distance_within(&a, &b, 2), None);
    }
}
