//! M-* (metadata and deadlines) rules: when the report was published, and the statistics
//! period it states.

pub(crate) mod body;
mod m_1_published_late;
mod m_2_statistics_period;

use super::Rule;

pub static RULES: &[&dyn Rule] = &[
    &m_1_published_late::PublishedLate,
    &m_2_statistics_period::StatisticsPeriod,
];

/// A `YYYY-MM-DD` date.
pub(crate) fn parse_date(s: &str) -> Option<(i32, u32, u32)> {
    let mut it = s.trim().splitn(3, '-');
    let y = it.next()?.parse().ok()?;
    let m = it.next()?.parse().ok()?;
    let d = it.next()?.get(..2)?.parse().ok()?;
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some((y, m, d))
}

/// Days from 0000-03-01 (enough to subtract two dates).
pub(crate) fn day_number((y, m, d): (i32, u32, u32)) -> i64 {
    let (y, m) = if m <= 2 {
        (y as i64 - 1, m as i64 + 9)
    } else {
        (y as i64, m as i64 - 3)
    };
    365 * y + y / 4 - y / 100 + y / 400 + (153 * m + 2) / 5 + d as i64 - 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(parse_date("2012-04-11"), Some((2012, 4, 11)));
        assert_eq!(day_number((2012, 4, 11)) - day_number((2012, 3, 31)), 11);
        assert_eq!(day_number((2021, 3, 1)) - day_number((2021, 2, 28)), 1);
        assert_eq!(day_number((2020, 3, 1)) - day_number((2020, 2, 28)), 2);
    }
}
