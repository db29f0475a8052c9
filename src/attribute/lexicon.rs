//! Classes of English words that mark attribution, for the model's
//! features: a verb of saying, of thinking, of wanting, of seeming, or a
//! noun of record ("statement", "interview"). A word the annotated training
//! news never used as a cue still shares its class's weights, so the model
//! generalises past the verbs it has seen ("finessed", "ripped into").
//!
//! Written for claimgraph from ordinary English grammar; every inflection
//! (`-s`, `-ed`, `-ing`, irregular pasts) of each verb is listed by
//! [`inflections`].

// foldhash: looked up for every token read, where SipHash cost more than
// the rest of the lookup.
use foldhash::{HashMap, HashMapExt};
use std::sync::LazyLock;

/// The class of a word, `0` when it has none.
pub type Class = u8;

/// Speech and report: say, tell, announce, write, tweet…
pub const SAY: Class = 1;
/// Thought and knowledge: believe, think, know, expect…
pub const THINK: Class = 2;
/// Will and stance: want, plan, support, oppose…
pub const WANT: Class = 3;
/// Seeming and evidence: seem, appear, show, suggest…
pub const SEEM: Class = 4;
/// Nouns of record: statement, interview, report, poll…
pub const RECORD: Class = 5;

const SAY_VERBS: &[&str] = &[
    "say",
    "tell",
    "add",
    "note",
    "report",
    "announce",
    "state",
    "declare",
    "claim",
    "argue",
    "insist",
    "assert",
    "explain",
    "write",
    "tweet",
    "post",
    "ask",
    "answer",
    "reply",
    "respond",
    "comment",
    "remark",
    "mention",
    "propose",
    "warn",
    "caution",
    "urge",
    "call",
    "describe",
    "characterize",
    "characterise",
    "label",
    "dub",
    "deny",
    "admit",
    "acknowledge",
    "concede",
    "confirm",
    "reveal",
    "disclose",
    "predict",
    "promise",
    "vow",
    "pledge",
    "threaten",
    "boast",
    "brag",
    "complain",
    "lament",
    "criticize",
    "criticise",
    "condemn",
    "praise",
    "blame",
    "accuse",
    "charge",
    "allege",
    "contend",
    "maintain",
    "stress",
    "emphasize",
    "emphasise",
    "recall",
    "recount",
    "testify",
    "quip",
    "joke",
    "tout",
    "cite",
    "quote",
    "echo",
    "repeat",
    "reiterate",
    "counter",
    "rebut",
    "dispute",
    "question",
    "challenge",
    "estimate",
    "forecast",
    "conclude",
    "observe",
    "explain",
    "tease",
    "mock",
    "slam",
    "blast",
    "attack",
    "knock",
    "rip",
    "hit",
    "fire",
    "shoot",
    "chide",
    "scold",
    "rebuke",
    "decry",
    "denounce",
    "deride",
    "dismiss",
    "scoff",
    "ridicule",
    "lambaste",
    "rail",
    "rant",
    "lash",
    "pounce",
    "jab",
    "needle",
    "press",
    "push",
    "demand",
    "request",
    "plead",
    "beg",
    "appeal",
    "advise",
    "recommend",
    "inform",
    "notify",
    "assure",
    "reassure",
    "concur",
    "affirm",
    "reaffirm",
    "aver",
    "opine",
    "muse",
    "wonder",
    "speculate",
    "hint",
    "signal",
    "indicate",
    "imply",
    "insinuate",
    "suggest",
    "exclaim",
    "shout",
    "yell",
    "scream",
    "whisper",
    "mutter",
    "murmur",
    "cry",
    "laugh",
    "sigh",
    "sing",
    "chant",
    "speak",
    "talk",
    "discuss",
    "address",
    "preach",
    "lecture",
    "brief",
    "interview",
    "publish",
    "print",
    "air",
    "broadcast",
    "headline",
    "editorialize",
    "blog",
    "retweet",
    "text",
    "email",
    "message",
    "telephone",
    "phone",
    "relate",
    "narrate",
    "detail",
    "outline",
    "summarize",
    "elaborate",
    "clarify",
    "specify",
    "define",
    "term",
    "name",
    "brand",
    "hail",
    "applaud",
    "commend",
    "credit",
    "thank",
    "congratulate",
    "welcome",
    "celebrate",
    "defend",
    "justify",
    "excuse",
    "apologize",
    "apologise",
    "regret",
    "protest",
    "object",
    "oppose",
    "reject",
    "refute",
    "contradict",
    "correct",
    "retort",
    "fire back",
    "snap",
    "grumble",
    "gripe",
    "whine",
    "moan",
    "fret",
    "bemoan",
    "deplore",
    "acclaim",
    "trumpet",
    "proclaim",
    "pronounce",
    "rule",
    "find",
    "determine",
    "testify",
    "swear",
    "attest",
    "certify",
    "vouch",
    "guarantee",
    "predict",
    "project",
    "calculate",
    "reckon",
    "count",
    "tally",
    "survey",
    "poll",
    "ask",
    "query",
    "inquire",
    "enquire",
    "probe",
    "grill",
    "press",
    "quiz",
    "prod",
];

const THINK_VERBS: &[&str] = &[
    "believe",
    "think",
    "feel",
    "know",
    "expect",
    "hope",
    "fear",
    "worry",
    "doubt",
    "suspect",
    "assume",
    "consider",
    "regard",
    "view",
    "see",
    "understand",
    "realize",
    "realise",
    "recognize",
    "recognise",
    "guess",
    "imagine",
    "figure",
    "trust",
    "agree",
    "disagree",
    "presume",
    "suppose",
    "anticipate",
    "foresee",
    "envision",
    "envisage",
    "deem",
    "judge",
    "perceive",
    "sense",
    "notice",
    "learn",
    "discover",
    "remember",
    "forget",
    "conclude",
    "decide",
    "question",
    "ponder",
    "contemplate",
    "reflect",
    "reason",
    "calculate",
    "bet",
    "wager",
    "dread",
    "fret",
    "care",
    "mind",
    "bother",
    "hold",
    "accept",
];

const WANT_VERBS: &[&str] = &[
    "want",
    "plan",
    "intend",
    "seek",
    "aim",
    "wish",
    "try",
    "attempt",
    "choose",
    "refuse",
    "decline",
    "support",
    "back",
    "endorse",
    "favor",
    "favour",
    "approve",
    "like",
    "love",
    "hate",
    "dislike",
    "prefer",
    "need",
    "desire",
    "crave",
    "push",
    "pursue",
    "strive",
    "vote",
    "champion",
    "advocate",
    "embrace",
    "adopt",
    "resist",
    "fight",
    "block",
    "veto",
    "boycott",
    "snub",
    "shun",
    "avoid",
    "spurn",
    "ignore",
    "insist",
    "offer",
    "volunteer",
    "sponsor",
    "propose",
    "push",
    "lobby",
    "campaign",
    "rally",
    "press",
    "dare",
    "resolve",
    "commit",
    "enjoy",
    "relish",
    "admire",
    "respect",
    "despise",
    "loathe",
    "resent",
    "mourn",
    "cheer",
    "oppose",
    "reject",
    "accept",
    "tolerate",
    "welcome",
    "await",
    "anticipate",
    "demand",
];

const SEEM_VERBS: &[&str] = &[
    "seem",
    "appear",
    "look",
    "sound",
    "show",
    "suggest",
    "indicate",
    "reveal",
    "demonstrate",
    "prove",
    "confirm",
    "find",
    "document",
    "record",
    "estimate",
    "measure",
    "rank",
    "rate",
    "project",
    "mean",
    "signal",
    "point",
    "illustrate",
    "highlight",
    "underscore",
    "underline",
    "expose",
    "uncover",
];

const RECORD_NOUNS: &[&str] = &[
    "statement",
    "statements",
    "interview",
    "interviews",
    "report",
    "reports",
    "survey",
    "surveys",
    "poll",
    "polls",
    "study",
    "studies",
    "analysis",
    "memo",
    "letter",
    "speech",
    "remarks",
    "testimony",
    "tweet",
    "tweets",
    "post",
    "posts",
    "op-ed",
    "editorial",
    "column",
    "press",
    "release",
    "conference",
    "briefing",
    "email",
    "e-mail",
    "filing",
    "transcript",
    "audit",
    "document",
    "documents",
    "data",
    "figures",
    "estimates",
    "view",
    "views",
    "opinion",
    "belief",
    "claim",
    "claims",
    "allegation",
    "allegations",
    "accusation",
    "assertion",
    "argument",
    "warning",
    "promise",
    "pledge",
    "vow",
    "plan",
    "plans",
    "proposal",
    "call",
    "calls",
    "criticism",
    "critique",
    "complaint",
    "praise",
    "endorsement",
    "support",
    "opposition",
    "announcement",
    "account",
    "accounts",
    "version",
    "according",
    "per",
    "citing",
    "quoted",
    "quote",
    "quotes",
    "sources",
    "source",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "aide",
    "aides",
    "official",
    "officials",
    "adviser",
    "advisers",
    "advisor",
];

/// Irregular verb forms: base, then its other forms.
const IRREGULAR: &[(&str, &[&str])] = &[
    ("say", &["said"]),
    ("tell", &["told"]),
    ("write", &["wrote", "written"]),
    ("think", &["thought"]),
    ("feel", &["felt"]),
    ("know", &["knew", "known"]),
    ("see", &["saw", "seen"]),
    ("understand", &["understood"]),
    ("find", &["found"]),
    ("show", &["shown"]),
    ("seek", &["sought"]),
    ("choose", &["chose", "chosen"]),
    ("speak", &["spoke", "spoken"]),
    ("mean", &["meant"]),
    ("hold", &["held"]),
    ("forget", &["forgot", "forgotten"]),
    ("learn", &["learnt"]),
    ("swear", &["swore", "sworn"]),
    ("hit", &["hit"]),
    ("shoot", &["shot"]),
    ("sing", &["sang", "sung"]),
    ("bet", &["bet"]),
    ("fight", &["fought"]),
    ("broadcast", &["broadcast"]),
    ("lead", &["led"]),
];

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// The regular forms of an English verb: `-s`, `-ed`, `-ing` (with a final
/// `e` dropped, `y` after a consonant turned to `i`, and a single final
/// consonant after a single short vowel doubled: "stop" → "stopped").
pub fn inflections(verb: &str) -> Vec<String> {
    let b = verb.as_bytes();
    let n = b.len();
    let mut out = vec![verb.to_owned()];
    if n < 2 || verb.contains(' ') {
        return out;
    }
    let last = b[n - 1];
    let before = b[n - 2];
    if last == b'y' && !is_vowel(before) {
        let stem = &verb[..n - 1];
        out.push(format!("{stem}ies"));
        out.push(format!("{stem}ied"));
        out.push(format!("{verb}ing"));
        return out;
    }
    if verb.ends_with('e') {
        out.push(format!("{verb}s"));
        out.push(format!("{verb}d"));
        out.push(format!("{}ing", &verb[..n - 1]));
        return out;
    }
    let sibilant = ["s", "x", "z", "ch", "sh"]
        .iter()
        .any(|e| verb.ends_with(e));
    out.push(if sibilant {
        format!("{verb}es")
    } else {
        format!("{verb}s")
    });
    // Consonant-vowel-consonant at the end of a short verb doubles.
    let doubles = n <= 4
        && !is_vowel(last)
        && !matches!(last, b'w' | b'x' | b'y')
        && is_vowel(before)
        && n >= 3
        && !is_vowel(b[n - 3]);
    let stem = if doubles {
        format!("{verb}{}", last as char)
    } else {
        verb.to_owned()
    };
    out.push(format!("{stem}ed"));
    out.push(format!("{stem}ing"));
    out
}

/// Every listed word form, by [`super::features`]' word hash, with its
/// class (the first list a form appears in wins: saying over thinking).
pub fn classes(hash: impl Fn(&str) -> u64) -> HashMap<u64, Class> {
    let mut map = HashMap::new();
    for (class, verbs) in [
        (SAY, SAY_VERBS),
        (THINK, THINK_VERBS),
        (WANT, WANT_VERBS),
        (SEEM, SEEM_VERBS),
    ] {
        for verb in verbs {
            let mut forms = inflections(verb);
            if let Some((_, irregular)) = IRREGULAR.iter().find(|(b, _)| b == verb) {
                forms.extend(irregular.iter().map(|s| (*s).to_owned()));
            }
            for form in forms {
                map.entry(hash(&form)).or_insert(class);
            }
        }
    }
    for noun in RECORD_NOUNS {
        map.entry(hash(noun)).or_insert(RECORD);
    }
    map
}

/// Is `word` (in lower case) a noun of record ("statement", "plan")?
pub fn is_record_noun(word: &str) -> bool {
    RECORD_NOUNS.contains(&word)
}

/// The classes, built once, for a given hash function's results.
pub struct Lexicon {
    map: HashMap<u64, Class>,
}

impl Lexicon {
    /// Builds the lexicon keyed by `hash`.
    pub fn new(hash: impl Fn(&str) -> u64) -> Self {
        Lexicon { map: classes(hash) }
    }

    /// The class of a word hash.
    pub fn class(&self, word: u64) -> Class {
        self.map.get(&word).copied().unwrap_or(0)
    }
}

/// Shared by [`super::features`].
pub static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(super::features::hash_lower));

/// The class of `word`, in any case ("Revealed": [`SAY`]; "table": 0).
pub fn class_of(word: &str) -> Class {
    LEXICON.class(super::features::hash_lower(word))
}

/// Whether `word`, in any case, is a form of a verb of saying ("said",
/// "Revealed", "dubs").
pub fn is_saying(word: &str) -> bool {
    class_of(word) == SAY
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflections_follow_english_spelling() {
        assert_eq!(inflections("add"), ["add", "adds", "added", "adding"]);
        assert_eq!(inflections("deny"), ["deny", "denies", "denied", "denying"]);
        assert_eq!(inflections("note"), ["note", "notes", "noted", "noting"]);
        assert_eq!(inflections("rip"), ["rip", "rips", "ripped", "ripping"]);
        assert_eq!(inflections("push"), ["push", "pushes", "pushed", "pushing"]);
        assert_eq!(inflections("warn"), ["warn", "warns", "warned", "warning"]);
    }

    #[test]
    fn classes_cover_irregular_forms_and_keep_the_first_class() {
        let lex = Lexicon::new(super::super::features::hash_lower);
        let h = super::super::features::hash_lower;
        assert_eq!(lex.class(h("said")), SAY);
        assert_eq!(lex.class(h("Told")), SAY);
        assert_eq!(lex.class(h("thought")), THINK);
        assert_eq!(lex.class(h("wants")), WANT);
        assert_eq!(lex.class(h("seemed")), SEEM);
        assert_eq!(lex.class(h("statement")), RECORD);
        assert_eq!(lex.class(h("suggested")), SAY);
        assert_eq!(lex.class(h("table")), 0);
        assert!(is_saying("Revealed") && is_saying("dubs") && is_saying("said"));
        assert!(!is_saying("favoured") && !is_saying("wants") && !is_saying("statement"));
    }
}
