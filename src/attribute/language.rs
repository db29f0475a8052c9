//! Whether a text is English, read from the text itself: the English model
//! finds nothing true in Russian, Indonesian or Portuguese prose (it takes
//! recipe steps and menus for claims), and a page's declared language is
//! not to be trusted for this (English pages of a German edition say `de`).
//!
//! English prose is written in Latin letters, and its commonest words
//! ("the", "of", "and", "to", "said"…) make up a large share of its words.
//! On the English pages of the extraction corpora the words of
//! [`FUNCTION_WORDS`] are 18–30 % of a page's words, and 7 % on a page
//! that is mostly a meal plan's lists. Other languages written in Latin
//! letters have few of them: at most 2 % on the Spanish, Portuguese,
//! French, German, Italian, Czech and Indonesian pages there. So a share
//! of [`MIN_FUNCTION_SHARE`] tells English apart. Texts too short to judge
//! by their words are judged by their script alone.

/// The commonest English words, which other languages seldom write.
const FUNCTION_WORDS: &[&str] = &[
    "the", "of", "and", "to", "is", "that", "for", "it", "with", "was", "on", "as", "he", "she",
    "they", "be", "at", "by", "this", "have", "from", "or", "had", "not", "but", "are", "his",
    "her", "which", "their", "were", "been", "has", "said", "says", "would", "will", "its",
    "there", "when", "who", "what", "than", "we", "you", "about", "after", "also",
];

/// The length of the longest of [`FUNCTION_WORDS`], in bytes.
const LONGEST_FUNCTION_WORD: usize = {
    let (mut longest, mut i) = (0, 0);
    while i < FUNCTION_WORDS.len() {
        if FUNCTION_WORDS[i].len() > longest {
            longest = FUNCTION_WORDS[i].len();
        }
        i += 1;
    }
    longest
};

/// Whether `word` is one of [`FUNCTION_WORDS`], in any case (without
/// allocating: this runs on up to [`MAX_WORDS_READ`] words of every page).
fn is_function_word(word: &str) -> bool {
    word.len() <= LONGEST_FUNCTION_WORD
        && FUNCTION_WORDS
            .iter()
            .any(|f| f.len() == word.len() && f.eq_ignore_ascii_case(word))
}

/// Share of the words that must be [`FUNCTION_WORDS`] for a text in Latin
/// letters to count as English.
pub const MIN_FUNCTION_SHARE: f32 = 0.05;

/// Fewer words than this, and only the script decides.
const MIN_WORDS_TO_JUDGE: usize = 40;

/// Words read to decide (the start of the text is enough).
const MAX_WORDS_READ: usize = 2_000;

/// Whether `text` looks English: mostly Latin letters, and (when long
/// enough to tell) enough of the commonest English words.
pub fn looks_english(text: &str) -> bool {
    let (mut latin, mut letters) = (0usize, 0usize);
    for c in text.chars().take(20_000).filter(|c| c.is_alphabetic()) {
        letters += 1;
        if c.is_ascii_alphabetic() || ('\u{00c0}'..='\u{024f}').contains(&c) {
            latin += 1;
        }
    }
    if letters == 0 || latin * 2 < letters {
        return letters == 0;
    }
    let mut words = 0usize;
    let mut common = 0usize;
    for word in text
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter(|w| w.chars().any(char::is_alphabetic))
        .take(MAX_WORDS_READ)
    {
        words += 1;
        if is_function_word(word) {
            common += 1;
        }
    }
    words < MIN_WORDS_TO_JUDGE || common as f32 >= MIN_FUNCTION_SHARE * words as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_prose_is_english_and_other_prose_is_not() {
        let english = "The Ministry of Culture said on Tuesday that it would fund more \
            micro-dramas this year, according to a statement. Critics have argued that the \
            money goes to the platforms, and they say the stories are written by algorithms \
            rather than by writers. The ministry did not answer questions about the budget.";
        assert!(looks_english(english));
        let portuguese = "Receba em seu email nosso ebook com as cinco etapas para \
            alfabetizar seus filhos em casa, um guia completo para pais que desejam ensinar \
            a ler e escrever desde cedo. Veja como é natural aprender brincando, todos os \
            dias, com atividades simples que cabem na rotina da família inteira e dos avós.";
        assert!(!looks_english(portuguese));
        let indonesian = "Saat Ali jadi khalifah, Siti Aisyah memberontak dalam perang yang \
            disebut Perang Jamal. Dari pihak Muawiyah, banyak orang yang tewas dalam perang \
            itu. Bisa jadi tulisan yang menghina sampai ke kita hingga sekarang. Mudah mudahan \
            kita bisa memahami dan mengamalkan ajaran ini dengan baik dan benar setiap hari.";
        assert!(!looks_english(indonesian));
        assert!(!looks_english(
            "Нарежьте соломкой курицу, добавьте к луку и обжарьте."
        ));
        assert!(!looks_english("악녀의 덫에 걸린 이유리"));
        // Too short to judge by its words: Latin letters will do.
        assert!(looks_english("Zhang Wei said exports grew."));
        assert!(
            FUNCTION_WORDS
                .iter()
                .all(|w| is_function_word(&w.to_uppercase()))
        );
        assert!(!is_function_word("thereby") && !is_function_word("sa"));
        assert!(looks_english(""));
    }
}
