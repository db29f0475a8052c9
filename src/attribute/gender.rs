//! The grammatical gender a person's name shows, so that "he" and "she"
//! refer back to a name that fits: "she described him" is not Prince
//! Andrew's claim, and "he pointed out" after Dr. Silvia S. Martins is not
//! hers. A title ("Mr.", "Ms.", "Sir", "Queen") or a common English first
//! name decides; most names decide nothing, and a name of unknown gender
//! fits either pronoun, as every name did before.
//!
//! Written for claimgraph; the first names are common ones of English-
//! language news, each with the gender it is usually given. Names given to
//! either sex (Alex, Jordan, Taylor, Chris, Kim) are in neither list.

/// The gender of a pronoun or of a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    /// "he", "him", "his"; "Mr.", "John".
    Male,
    /// "she", "her"; "Ms.", "Mary".
    Female,
}

/// The gender a pronoun asks of its antecedent, `None` for "I", "who",
/// "they" and the like.
pub fn of_pronoun(pronoun: &str) -> Option<Gender> {
    match pronoun {
        "he" | "him" | "his" | "himself" => Some(Gender::Male),
        "she" | "her" | "hers" | "herself" => Some(Gender::Female),
        _ => None,
    }
}

const MALE_TITLES: &[&str] = &[
    "mr", "mr.", "sir", "lord", "king", "prince", "duke", "father", "brother", "monsieur", "herr",
    "señor", "sr.", "uncle",
];

const FEMALE_TITLES: &[&str] = &[
    "ms", "ms.", "mrs", "mrs.", "miss", "lady", "dame", "queen", "princess", "duchess", "sister",
    "madame", "mme", "mme.", "frau", "señora", "sra.", "aunt",
];

const MALE_NAMES: &[&str] = &[
    "aaron",
    "adam",
    "adrian",
    "ahmed",
    "alan",
    "albert",
    "alexander",
    "alfred",
    "ali",
    "allen",
    "andrew",
    "andy",
    "angus",
    "anthony",
    "antonio",
    "arthur",
    "barack",
    "barry",
    "ben",
    "benjamin",
    "bernard",
    "bernie",
    "bill",
    "billy",
    "bob",
    "bobby",
    "brad",
    "bradley",
    "brandon",
    "brendan",
    "brett",
    "brian",
    "bruce",
    "bryan",
    "carl",
    "carlos",
    "charles",
    "charlie",
    "chuck",
    "clarence",
    "colin",
    "craig",
    "dale",
    "dan",
    "daniel",
    "danny",
    "darren",
    "dave",
    "david",
    "dean",
    "dennis",
    "derek",
    "dick",
    "dmitry",
    "don",
    "donald",
    "doug",
    "douglas",
    "duncan",
    "dylan",
    "earl",
    "eddie",
    "edward",
    "elijah",
    "elon",
    "emmanuel",
    "eric",
    "ernest",
    "ethan",
    "eugene",
    "evan",
    "frank",
    "fred",
    "gary",
    "gavin",
    "gene",
    "geoffrey",
    "george",
    "gerald",
    "giuseppe",
    "glenn",
    "gordon",
    "graham",
    "greg",
    "gregory",
    "harold",
    "harry",
    "hassan",
    "henry",
    "howard",
    "hugh",
    "ian",
    "isaac",
    "ivan",
    "jack",
    "jacob",
    "jake",
    "james",
    "jared",
    "jason",
    "jeff",
    "jeffrey",
    "jeremy",
    "jerry",
    "jesse",
    "jim",
    "jimmy",
    "joe",
    "joel",
    "john",
    "johnny",
    "jon",
    "jonathan",
    "jose",
    "joseph",
    "josh",
    "joshua",
    "juan",
    "justin",
    "karl",
    "keith",
    "ken",
    "kenneth",
    "kevin",
    "kyle",
    "larry",
    "lawrence",
    "len",
    "leo",
    "leonard",
    "louis",
    "luke",
    "marco",
    "mark",
    "martin",
    "matt",
    "matthew",
    "max",
    "michael",
    "mike",
    "mitch",
    "mohammed",
    "muhammad",
    "nathan",
    "neil",
    "nicholas",
    "nick",
    "nigel",
    "noah",
    "oliver",
    "oscar",
    "owen",
    "patrick",
    "paul",
    "pedro",
    "pete",
    "peter",
    "phil",
    "philip",
    "ralph",
    "randy",
    "ray",
    "raymond",
    "richard",
    "rick",
    "rob",
    "robert",
    "roger",
    "ron",
    "ronald",
    "ross",
    "roy",
    "russell",
    "ryan",
    "scott",
    "sean",
    "sergei",
    "simon",
    "stephen",
    "steve",
    "steven",
    "stuart",
    "ted",
    "terry",
    "thomas",
    "tim",
    "timothy",
    "todd",
    "tom",
    "tommy",
    "tony",
    "travis",
    "trevor",
    "victor",
    "vincent",
    "vladimir",
    "walter",
    "warren",
    "wayne",
    "william",
    "xavier",
    "zach",
    "zachary",
];

const FEMALE_NAMES: &[&str] = &[
    "abby",
    "abigail",
    "ada",
    "alice",
    "alicia",
    "alison",
    "allison",
    "amanda",
    "amber",
    "amy",
    "ana",
    "andrea",
    "angela",
    "angelina",
    "ann",
    "anna",
    "anne",
    "annie",
    "april",
    "ashley",
    "audrey",
    "barbara",
    "beatrice",
    "becky",
    "beth",
    "betsy",
    "betty",
    "beverly",
    "brenda",
    "bridget",
    "brittany",
    "camila",
    "carla",
    "carmen",
    "carol",
    "caroline",
    "carolyn",
    "catherine",
    "cathy",
    "charlotte",
    "cheryl",
    "chloe",
    "christina",
    "christine",
    "cindy",
    "claire",
    "clara",
    "claudia",
    "colleen",
    "cynthia",
    "daisy",
    "debbie",
    "deborah",
    "debra",
    "denise",
    "diana",
    "diane",
    "donna",
    "doris",
    "dorothy",
    "elaine",
    "eleanor",
    "elena",
    "elise",
    "eliza",
    "elizabeth",
    "ella",
    "ellen",
    "emily",
    "emma",
    "erica",
    "erin",
    "eva",
    "eve",
    "evelyn",
    "fiona",
    "florence",
    "frances",
    "gabriela",
    "gail",
    "gina",
    "grace",
    "gretchen",
    "hannah",
    "heather",
    "heidi",
    "helen",
    "hillary",
    "holly",
    "irene",
    "isabel",
    "isabella",
    "jane",
    "janet",
    "janice",
    "jasmine",
    "jennifer",
    "jenny",
    "jessica",
    "jill",
    "joan",
    "joanna",
    "jodi",
    "josephine",
    "joy",
    "joyce",
    "judith",
    "judy",
    "julia",
    "julie",
    "karen",
    "kate",
    "katherine",
    "kathleen",
    "kathryn",
    "kathy",
    "katie",
    "kelly",
    "kimberly",
    "kristen",
    "laura",
    "lauren",
    "linda",
    "lisa",
    "liz",
    "lois",
    "lori",
    "louise",
    "lucy",
    "lydia",
    "lynn",
    "madeleine",
    "maggie",
    "margaret",
    "maria",
    "marie",
    "marilyn",
    "marissa",
    "martha",
    "mary",
    "maya",
    "megan",
    "melania",
    "melanie",
    "melissa",
    "michelle",
    "mia",
    "molly",
    "monica",
    "nancy",
    "naomi",
    "natalie",
    "nicole",
    "nina",
    "olivia",
    "pamela",
    "patricia",
    "paula",
    "peggy",
    "penny",
    "rachel",
    "rebecca",
    "regina",
    "rita",
    "rose",
    "rosemary",
    "ruth",
    "sally",
    "samantha",
    "sandra",
    "sara",
    "sarah",
    "sharon",
    "sheila",
    "shirley",
    "silvia",
    "sofia",
    "sophia",
    "sophie",
    "stephanie",
    "susan",
    "suzanne",
    "sylvia",
    "tamara",
    "tammy",
    "teresa",
    "theresa",
    "tiffany",
    "tina",
    "tracy",
    "ursula",
    "valerie",
    "vanessa",
    "veronica",
    "victoria",
    "virginia",
    "wendy",
    "yvonne",
    "zoe",
];

/// The gender `word` (in lower case, without a possessive) shows as a
/// title, when more of the name `followed` it, or as a first name.
fn word_gender(word: &str, followed: bool) -> Option<Gender> {
    if followed && MALE_TITLES.contains(&word) || MALE_NAMES.contains(&word) {
        Some(Gender::Male)
    } else if followed && FEMALE_TITLES.contains(&word) || FEMALE_NAMES.contains(&word) {
        Some(Gender::Female)
    } else {
        None
    }
}

/// The gender a person's name shows, if any: its title, else its first
/// name. Only the last run of capitalised words before any comma counts
/// ("Ian Hamilton, an expert …" is Ian; "Senior author Dr. Silvia S.
/// Martins" is Silvia; "Prince Andrew’s accuser Virginia Giuffre" is
/// Virginia). A title counts when a capitalised word follows it, a first
/// name wherever it stands in the run, read past titles and initials.
pub fn of_name(name: &str) -> Option<Gender> {
    let name = name.split(',').next().unwrap_or(name);
    let all: Vec<&str> = name.split_whitespace().collect();
    let end = all
        .iter()
        .rposition(|w| w.starts_with(char::is_uppercase))
        .map_or(0, |i| i + 1);
    let start = all[..end]
        .iter()
        .rposition(|w| !w.starts_with(char::is_uppercase))
        .map_or(0, |i| i + 1);
    let words = &all[start..end];
    for (i, word) in words.iter().enumerate() {
        let lower = without_possessive(word).to_lowercase();
        if let Some(gender) = word_gender(&lower, i + 1 < words.len()) {
            return Some(gender);
        }
        // Only the first word that is neither a title nor a first name
        // ends the search: "Dr. Silvia" reads on past "Dr.", "Martins"
        // after "Silvia" is never reached.
        if !lower.ends_with('.') {
            break;
        }
    }
    None
}

/// A person named in a text whose name shows a gender: the name from its
/// title or first name to the end of its run of capitalised words, or a
/// lone surname of such a name named before it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Where the name starts in the text (a byte offset).
    pub start: usize,
    /// Where it ends.
    pub end: usize,
    /// The name as written, without a possessive.
    pub name: String,
    /// The gender its title or first name shows.
    pub gender: Gender,
}

/// The last word of a name before any comma, without a possessive.
pub fn last_word(name: &str) -> Option<&str> {
    let word = name.split(',').next()?.split_whitespace().last()?;
    Some(without_possessive(word))
}

/// `word` without "’s", "'s" or a closing apostrophe.
fn without_possessive(word: &str) -> &str {
    word.trim_end_matches("’s")
        .trim_end_matches("'s")
        .trim_end_matches(['’', '\''])
}

/// Every person `text` names with a title or a first name followed by
/// more of the name ("Ms. Warren", "Valerie Smith"), and every later lone
/// mention of such a person's surname ("Smith still found …"), in text
/// order. A first name alone ("Virginia", "Will") is no mention: it may be
/// a place or a word.
pub fn mentions(text: &str) -> Vec<Mention> {
    let mut out: Vec<Mention> = Vec::new();
    let mut surnames: Vec<(&str, Gender)> = Vec::new();
    let mut run: Vec<(usize, &str)> = Vec::new();
    let mut flush = |run: &mut Vec<(usize, &str)>, out: &mut Vec<Mention>| {
        if let Some(m) = mention_in(run, &surnames) {
            if let Some(surname) = last_word(&m.name)
                && m.name.contains(' ')
            {
                surnames.push((&text[m.end - surname.len()..m.end], m.gender));
            }
            out.push(m);
        }
        run.clear();
    };
    let mut at = 0;
    for piece in text.split_inclusive(char::is_whitespace) {
        let start = at;
        at += piece.len();
        let written = piece.trim_end();
        let word = written.trim_start_matches(['“', '"', '‘', '\'', '(', '[']);
        let lead = written.len() - word.len();
        let bare = word.trim_end_matches(|c: char| !c.is_alphanumeric() && c != '.');
        // A possessive ends a name ("Martha’s Vineyard" names no Martha).
        let ends_run = word.len() != bare.len()
            || word.ends_with("’s")
            || word.ends_with("'s")
            || bare.ends_with('.') && !super::resolve::is_initial(bare);
        if lead > 0 || !bare.starts_with(char::is_uppercase) {
            flush(&mut run, &mut out);
            if !bare.starts_with(char::is_uppercase) {
                continue;
            }
        }
        run.push((start + lead, &text[start + lead..start + lead + word.len()]));
        if ends_run || piece.contains('\n') {
            flush(&mut run, &mut out);
        }
    }
    flush(&mut run, &mut out);
    out
}

/// The mention a run of capitalised words makes, if any.
fn mention_in(run: &[(usize, &str)], surnames: &[(&str, Gender)]) -> Option<Mention> {
    let words: Vec<&str> = run
        .iter()
        .map(|(_, w)| {
            let w = w.trim_end_matches(|c: char| !c.is_alphanumeric() && c != '.');
            let w = if super::resolve::is_initial(w) {
                w
            } else {
                w.trim_end_matches('.')
            };
            without_possessive(w)
        })
        .collect();
    let make = |from: usize, to: usize, gender: Gender| {
        let start = run[from].0;
        let end = run[to - 1].0 + words[to - 1].len();
        Some(Mention {
            start,
            end,
            name: words[from..to].join(" "),
            gender,
        })
    };
    // A title or a first name with more of the name after it.
    for i in 0..words.len().saturating_sub(1) {
        if let Some(gender) = word_gender(&words[i].to_lowercase(), true) {
            return make(i, words.len(), gender);
        }
    }
    // A lone surname of someone named before: the run's last word.
    let last = *words.last()?;
    surnames
        .iter()
        .rev()
        .find(|(surname, _)| *surname == last)
        .and_then(|(_, gender)| make(words.len() - 1, words.len(), *gender))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_or_a_first_name_shows_a_gender() {
        let cases = [
            ("Silvia S. Martins", Some(Gender::Female)),
            ("Dr. Silvia S. Martins", Some(Gender::Female)),
            ("Senior author Dr. Silvia S. Martins", Some(Gender::Female)),
            ("Ian Hamilton, an expert in drug use", Some(Gender::Male)),
            ("Mr. Manafort", Some(Gender::Male)),
            ("Ms. Warren", Some(Gender::Female)),
            ("Prince Andrew", Some(Gender::Male)),
            ("Virginia Giuffre", Some(Gender::Female)),
            ("Andrew", Some(Gender::Male)),
            ("Andrew’s", Some(Gender::Male)),
            // A title alone is a word, and a name given to either sex or
            // an unknown name tells nothing.
            ("Queen", None),
            ("Alex Horton", None),
            ("Giuffre", None),
            ("Zhang Wei", None),
            (
                "Prince Andrew’s accuser Virginia Giuffre",
                Some(Gender::Female),
            ),
            ("", None),
            ("Dr.", None),
        ];
        for (name, want) in cases {
            assert_eq!(of_name(name), want, "{name}");
        }
    }

    #[test]
    fn pronouns_ask_for_a_gender_or_none() {
        assert_eq!(of_pronoun("he"), Some(Gender::Male));
        assert_eq!(of_pronoun("her"), Some(Gender::Female));
        assert_eq!(of_pronoun("they"), None);
        assert_eq!(of_pronoun("i"), None);
    }

    #[test]
    fn mentions_are_named_people_and_their_surnames() {
        let text = "After a few tries, I reached Valerie Smith by phone. Smith still \
                    found it hard. Ms. Warren and Will agreed; West Virginia did not. \
                    A friend on Martha’s Vineyard wrote. \
                    Senior author Dr. Silvia S. Martins, of Columbia, said so.";
        let found: Vec<(String, Gender)> = mentions(text)
            .into_iter()
            .map(|m| {
                assert_eq!(&text[m.start..m.end], m.name);
                (m.name, m.gender)
            })
            .collect();
        let want = [
            ("Valerie Smith", Gender::Female),
            ("Smith", Gender::Female),
            ("Ms. Warren", Gender::Female),
            ("Silvia S. Martins", Gender::Female),
        ];
        let want: Vec<(String, Gender)> = want.iter().map(|(n, g)| (n.to_string(), *g)).collect();
        assert_eq!(found, want);
    }

    #[test]
    fn mentions_of_hostile_texts_do_not_panic() {
        for text in [
            "",
            "Mr.",
            "“Mr. ",
            "Ms. Ö’s",
            "John",
            "John ’s",
            "Mary Smith’s\nSmith’s",
        ] {
            for m in mentions(text) {
                assert!(text.get(m.start..m.end).is_some(), "{text:?}");
            }
        }
    }
}
