//! Dates as pages write them, to ISO 8601: `2024-03-05T21:23:00+08:00`,
//! `2024-03-05`, `2024年3月5日 21:23`, `2024-3-5 21:23`, `2024/03/05`,
//! `March 5, 2024`, `5 March 2024`, `Tue, 05 Mar 2024 10:00:00 GMT`,
//! `3/5/2024 9:23:57 PM` (month first, as a 12-hour clock writes it).
//! The result is `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM:SS` with the offset
//! when the page gave one.

use regex::Regex;
use std::sync::LazyLock;

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// English weekdays, lower case.
pub const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Whether a word is the whole English name of a month or a weekday, case
/// aside ("March", "monday"; not "Mar").
pub fn is_month_or_weekday(word: &str) -> bool {
    let lower = word.to_ascii_lowercase();
    MONTHS.contains(&lower.as_str()) || WEEKDAYS.contains(&lower.as_str())
}

/// The month an English word names (1–12): the whole name or its first
/// three letters or more ("Sept", "nov"), case aside.
pub fn month_number(word: &str) -> Option<u32> {
    let lower = word.to_ascii_lowercase();
    if lower.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| m.starts_with(&lower))
        .map(|i| i as u32 + 1)
}

static NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (?P<y>(?:19|20)\d\d) \s* (?:[-/.年]) \s* (?P<m>\d{1,2}) \s* (?:[-/.月]) \s* (?P<d>\d{1,2}) (?P<ri>\s*日)?
        (?: (?P<sep>\s*T|\s+|\s*[,，]\s*)?
            (?P<h>\d{1,2}) \s* [:：时時] \s* (?P<min>\d{2}) (?: \s* [:：分] \s* (?P<s>\d{2}) (?:\.\d+)? )? 秒?
            \s* (?P<tz> Z | [+-]\d{2}:?\d{2} )?
        )?",
    )
    .expect("valid date pattern")
});

static WORDY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi)
        (?: (?P<m1>jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \s+ (?P<d1>\d{1,2}) (?:st|nd|rd|th)? ,? \s+ (?P<y1>(?:19|20)\d\d)
          | (?P<d2>\d{1,2}) (?:st|nd|rd|th)? \s+ (?P<m2>jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? ,? \s+ (?P<y2>(?:19|20)\d\d) )
        (?: ,? \s+ (?:at\s+)? (?P<h>\d{1,2}) : (?P<min>\d{2}) (?: : (?P<s>\d{2}) )? \s* (?P<ampm>[ap]\.?m\.?)? )?",
    )
    .expect("valid date pattern")
});

/// A date written month first with a 12-hour time (`9/17/2004 5:54:13
/// AM`, as American software prints it). Without the AM or PM, `7/5/2005`
/// could as well be the 7th of May, so it is not read.
static US_CLOCK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi)
        \b (?P<m>\d{1,2}) / (?P<d>\d{1,2}) / (?P<y>(?:19|20)\d\d) \s+
        (?P<h>\d{1,2}) : (?P<min>\d{2}) (?: : (?P<s>\d{2}) )? \s* (?P<ampm>[ap]\.?m\.?) \b",
    )
    .expect("valid date pattern")
});

/// The first date in `text`, normalised; `None` when there is none or it is
/// not a real calendar date.
pub fn parse_date(text: &str) -> Option<String> {
    let numeric = NUMERIC.captures(text);
    let wordy = WORDY.captures(text);
    let us = US_CLOCK.captures(text);
    let start =
        |c: &Option<regex::Captures<'_>>| c.as_ref().and_then(|c| c.get(0)).map(|m| m.start());
    // Whichever comes first in the text.
    let (n, w) = (start(&numeric), start(&wordy));
    let use_us = match (start(&us), n.into_iter().chain(w).min()) {
        (Some(u), Some(first)) => u < first,
        (u, _) => u.is_some(),
    };
    if !use_us && n.is_none() && w.is_none() {
        return None;
    }
    let use_numeric = match (n, w) {
        (Some(n), Some(w)) => n <= w,
        (n, _) => n.is_some(),
    };
    let num = |c: &regex::Captures<'_>, name: &str| {
        c.name(name).and_then(|m| m.as_str().parse::<u32>().ok())
    };
    let (y, m, d, h, min, s, tz, pm) = if use_us {
        let c = us?;
        (
            num(&c, "y")?,
            num(&c, "m")?,
            num(&c, "d")?,
            num(&c, "h").filter(|h| (1..=12).contains(h)),
            num(&c, "min"),
            num(&c, "s"),
            None,
            c.name("ampm")
                .map(|a| a.as_str().to_ascii_lowercase().starts_with('p')),
        )
    } else if use_numeric {
        let c = numeric?;
        // "2026-11-013": a day of three digits is no date (the pattern
        // would take "01" and leave the "3"); a time glued to the day
        // ("2005-03-1112:12") is.
        if let Some(d) = c.name("d") {
            let rest = &text[d.end()..];
            let digits = rest.chars().take_while(char::is_ascii_digit).count();
            let glued_time = digits == 2 && rest[2..].starts_with([':', '：', '时', '時']);
            if digits > 0 && !glued_time {
                return None;
            }
        }
        // A time follows a separator, or 日 with none (2005年3月11日12:12,
        // as Sohu's datelines write it); digits glued to a day's digits
        // are no time.
        let timed = c.name("sep").is_some() || c.name("ri").is_some();
        let time = |name: &str| num(&c, name).filter(|_| timed);
        (
            num(&c, "y")?,
            num(&c, "m")?,
            num(&c, "d")?,
            time("h"),
            time("min"),
            time("s"),
            c.name("tz")
                .filter(|_| timed)
                .map(|t| t.as_str().to_owned()),
            None,
        )
    } else {
        let c = wordy?;
        let m = month_number(c.name("m1").or_else(|| c.name("m2"))?.as_str())?;
        let pm = c
            .name("ampm")
            .map(|a| a.as_str().to_ascii_lowercase().starts_with('p'));
        (
            num(&c, "y1").or_else(|| num(&c, "y2"))?,
            m,
            num(&c, "d1").or_else(|| num(&c, "d2"))?,
            num(&c, "h"),
            num(&c, "min"),
            num(&c, "s"),
            None,
            pm,
        )
    };
    if !(1..=12).contains(&m) || d == 0 || d > days_in_month(y, m) {
        return None;
    }
    let date = format!("{y:04}-{m:02}-{d:02}");
    match (h, min) {
        (Some(mut h), Some(min)) if h < 24 && min < 60 => {
            match pm {
                Some(true) if h < 12 => h += 12,
                Some(false) if h == 12 => h = 0,
                _ => {}
            }
            let tz = tz
                .map(|t| {
                    if t == "Z" || t == "+00:00" || t == "+0000" {
                        "Z".to_owned()
                    } else if t.contains(':') {
                        t
                    } else {
                        format!("{}:{}", &t[..3], &t[3..])
                    }
                })
                .unwrap_or_default();
            Some(format!(
                "{date}T{h:02}:{min:02}:{:02}{tz}",
                s.unwrap_or(0).min(59)
            ))
        }
        _ => Some(date),
    }
}

fn days_in_month(y: u32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400) => 29,
        _ => 28,
    }
}

#[cfg(test)]
mod tests {
    use super::{month_number, parse_date};

    #[test]
    fn the_formats_pages_use() {
        for (text, want) in [
            ("2024-03-05T21:23:00+08:00", "2024-03-05T21:23:00+08:00"),
            ("2024-03-05T21:23:00.000Z", "2024-03-05T21:23:00Z"),
            ("2015-07-10T09:53:00-0400", "2015-07-10T09:53:00-04:00"),
            ("2024-03-05", "2024-03-05"),
            ("发布时间：2024年3月5日 21:23", "2024-03-05T21:23:00"),
            ("2024年03月05日", "2024-03-05"),
            ("2005年3月11日12:12 来源：", "2005-03-11T12:12:00"),
            ("2005-03-1112:12", "2005-03-11"),
            ("2005-5-7 21:23:57", "2005-05-07T21:23:57"),
            ("2024/3/5", "2024-03-05"),
            ("Published March 5, 2024", "2024-03-05"),
            ("Updated 5th Mar. 2024 at 3:46 PM", "2024-03-05T15:46:00"),
            ("Tue, 05 Mar 2024 10:00:00 GMT", "2024-03-05T10:00:00"),
            ("Sept 30, 2019", "2019-09-30"),
            ("发布日期： 9/17/2004 5:54:13 AM", "2004-09-17T05:54:13"),
            ("7/5/2005 9:23:57 PM", "2005-07-05T21:23:57"),
            ("12/31/2004 12:05 am", "2004-12-31T00:05:00"),
        ] {
            assert_eq!(parse_date(text).as_deref(), Some(want), "{text}");
        }
    }

    #[test]
    fn month_names_whole_or_cut() {
        assert_eq!(month_number("November"), Some(11));
        assert_eq!(month_number("sept"), Some(9));
        assert_eq!(month_number("MAR"), Some(3));
        assert_eq!(month_number("ma"), None);
        assert_eq!(month_number("Mayor"), None);
    }

    #[test]
    fn non_dates_are_refused() {
        for text in [
            "",
            "no date here",
            "2023-02-29",
            "2024-13-01",
            "1850-01-01",
            "version 2.0.1",
            // Day or month first? Without a 12-hour clock, no one knows.
            "7/5/2005",
            "13/17/2004 5:54 PM",
            // A day of three digits.
            "2026-11-013T10:00:00Z",
        ] {
            assert_eq!(parse_date(text), None, "{text}");
        }
    }
}
