//! Splitting glued digits ("640020470" → 64|0|0|2|0|4|70).
//!
//! Crawled text often loses cell boundaries. The digits of a row are split into the row's
//! number of cells using only the weakest constraint that works — the row's own total
//! across its columns (table 三), each group's total (table 四) — and never the column
//! identities the rules test. Every split that satisfies the constraint is returned; when
//! there are several, the caller keeps them all and says so.
//!
//! White space inside the glued run is a real boundary ("230 000023" = 23|0 + 0|0|0|0|23).
//! A number never starts with a 0 unless it is 0.

/// How the parts of a row relate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Constraint {
    /// No relation between the cells (table 二).
    None,
    /// Consecutive groups of these sizes; in each, the last part is the sum of the others.
    GroupTotals(Vec<usize>),
}

/// Longest number a part may have.
const MAX_DIGITS: usize = 12;
/// Stop collecting after this many valid splits (the answer is "ambiguous" anyway).
pub const MAX_CANDIDATES: usize = 32;
/// Bound on the search, so hostile input cannot make it run for long.
const MAX_STEPS: usize = 2_000_000;

/// Split the digit tokens into exactly `n` numbers satisfying the constraint.
/// Returns the candidate splits (each a list of `n` values) and whether the search finished.
pub fn split(tokens: &[&str], n: usize, constraint: &Constraint) -> (Vec<Vec<u64>>, bool) {
    let digits: String = tokens.concat();
    if tokens
        .iter()
        .any(|t| t.is_empty() || !t.bytes().all(|b| b.is_ascii_digit()))
        || digits.len() < n
        || n == 0
    {
        return (Vec::new(), true);
    }
    if digits.len() > n * MAX_DIGITS {
        return (Vec::new(), true);
    }
    // Token boundaries must be part boundaries.
    let mut boundary = vec![false; digits.len() + 1];
    let mut at = 0;
    for t in tokens {
        at += t.len();
        boundary[at] = true;
    }
    let groups: Vec<usize> = match constraint {
        Constraint::None => vec![n],
        Constraint::GroupTotals(g) if g.iter().sum::<usize>() == n => g.clone(),
        Constraint::GroupTotals(_) => return (Vec::new(), true),
    };
    let sum_groups = matches!(constraint, Constraint::GroupTotals(_));
    let mut s = Search {
        d: digits.as_bytes(),
        boundary: &boundary,
        n,
        groups: &groups,
        sum_groups,
        parts: Vec::with_capacity(n),
        out: Vec::new(),
        steps: 0,
    };
    s.go(0, 0, 0);
    let finished = s.steps < MAX_STEPS && s.out.len() < MAX_CANDIDATES;
    (s.out, finished)
}

struct Search<'a> {
    d: &'a [u8],
    boundary: &'a [bool],
    n: usize,
    groups: &'a [usize],
    sum_groups: bool,
    parts: Vec<u64>,
    out: Vec<Vec<u64>>,
    steps: usize,
}

impl Search<'_> {
    /// `pos`: next digit; `group`: current group index; `in_group`: parts placed in it.
    fn go(&mut self, pos: usize, group: usize, in_group: usize) {
        self.steps += 1;
        if self.steps >= MAX_STEPS || self.out.len() >= MAX_CANDIDATES {
            return;
        }
        let placed = self.parts.len();
        if placed == self.n {
            if pos == self.d.len() {
                self.out.push(self.parts.clone());
            }
            return;
        }
        let remaining_parts = self.n - placed;
        let remaining_digits = self.d.len() - pos;
        if remaining_digits < remaining_parts || remaining_digits > remaining_parts * MAX_DIGITS {
            return;
        }
        let gsize = self.groups[group];
        let last_in_group = in_group + 1 == gsize;
        if self.sum_groups && last_in_group && gsize > 1 {
            // The total is determined: it must be spelled by the next digits.
            let start = placed - in_group;
            let total: u64 = self.parts[start..].iter().sum();
            let spelled = total.to_string();
            let end = pos + spelled.len();
            if end <= self.d.len()
                && &self.d[pos..end] == spelled.as_bytes()
                && self.can_end_at(pos, end)
            {
                self.parts.push(total);
                self.go(end, group + 1, 0);
                self.parts.pop();
            }
            return;
        }
        let max_len = MAX_DIGITS.min(remaining_digits - (remaining_parts - 1));
        for len in 1..=max_len {
            let end = pos + len;
            if !self.can_end_at(pos, end) {
                // A token boundary inside the part: no longer part can work either.
                if (pos + 1..end).any(|k| self.boundary[k]) {
                    break;
                }
                continue;
            }
            let v = parse(&self.d[pos..end]);
            self.parts.push(v);
            let (g, ig) = if last_in_group {
                (group + 1, 0)
            } else {
                (group, in_group + 1)
            };
            self.go(end, g, ig);
            self.parts.pop();
            if self.d[pos] == b'0' {
                break; // "0" only; no number starts with 0.
            }
        }
    }

    /// A part [pos, end) must not cross a token boundary, must end on one if the next digit
    /// starts another token, and must not have a leading zero.
    fn can_end_at(&self, pos: usize, end: usize) -> bool {
        if end > self.d.len() {
            return false;
        }
        if (pos + 1..end).any(|k| self.boundary[k]) {
            return false;
        }
        !(self.d[pos] == b'0' && end - pos > 1)
    }
}

fn parse(d: &[u8]) -> u64 {
    d.iter().fold(0u64, |a, &b| {
        a.saturating_mul(10).saturating_add((b - b'0') as u64)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(tokens: &[&str]) -> Vec<Vec<u64>> {
        split(tokens, 7, &Constraint::GroupTotals(vec![7])).0
    }

    #[test]
    fn table3_rows_from_the_corpus() {
        assert_eq!(row(&["640020470"]), vec![vec![64, 0, 0, 2, 0, 4, 70]]);
        assert_eq!(row(&["0000000"]), vec![vec![0; 7]]);
        assert_eq!(row(&["230", "000023"]), vec![vec![23, 0, 0, 0, 0, 0, 23]]);
        assert_eq!(row(&["0", "0", "0", "0", "0", "00"]), vec![vec![0; 7]]);
        assert_eq!(row(&["500000", "5"]), vec![vec![5, 0, 0, 0, 0, 0, 5]]);
        // Two splits satisfy the row total: both are kept.
        let c = row(&["220000325"]);
        assert!(c.contains(&vec![22, 0, 0, 0, 0, 3, 25]));
        assert!(c.contains(&vec![2, 20, 0, 0, 0, 3, 25]));
    }

    #[test]
    fn table4_groups() {
        let g = Constraint::GroupTotals(vec![5, 5, 5]);
        let (c, done) = split(&["10203120001200000"], 15, &g);
        assert!(done);
        assert_eq!(c, vec![vec![1, 0, 2, 0, 3, 12, 0, 0, 0, 12, 0, 0, 0, 0, 0]]);
        let (c, _) = split(&["25380363300630003"], 15, &g);
        assert_eq!(c, vec![vec![25, 3, 8, 0, 36, 3, 3, 0, 0, 6, 3, 0, 0, 0, 3]]);
    }

    #[test]
    fn unconstrained_and_hostile() {
        let (c, _) = split(&["000"], 3, &Constraint::None);
        assert_eq!(c, vec![vec![0, 0, 0]]);
        let (c, _) = split(&["693665"], 3, &Constraint::None);
        assert!(c.len() > 1);
        let long = "1".repeat(80);
        let (c, _) = split(&[long.as_str()], 7, &Constraint::GroupTotals(vec![7]));
        assert!(c.is_empty());
        let (c, _) = split(&["12a"], 3, &Constraint::None);
        assert!(c.is_empty());
    }
}
