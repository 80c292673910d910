//! Quiz questions: the options under a question (`- [ ] …` / `- [x] …`, or `- A: …` with an
//! "Answer: D" further down) stay where an interviewer sees them, in the guidance as written,
//! and the right one is named in a key point.

use super::draft::{Block, BlockKind};
use super::shapes::{is_marked_correct, is_option, option_letter};

/// Fewest option items that make a list of options.
const MIN_OPTIONS: usize = 2;

/// Takes the quiz options out of a question's unlabelled text: the list items that are options,
/// when there are at least two.
pub(crate) fn take_options(intro: &mut Vec<Block>) -> Vec<Block> {
    let is_choice = |block: &Block| block.kind == BlockKind::Item && is_option(&block.text);
    if intro.iter().filter(|block| is_choice(block)).count() < MIN_OPTIONS {
        return Vec::new();
    }
    let (options, rest): (Vec<Block>, Vec<Block>) =
        std::mem::take(intro).into_iter().partition(is_choice);
    *intro = rest;
    options
}

/// The key points naming the right options: the ones marked `[x]`, or the lettered option an
/// answer names (`answer` is the answer's first line; it is emptied when it only gave the
/// letter).
pub(crate) fn correct(options: &[Block], answer: Option<&mut Block>) -> Vec<String> {
    let marked: Vec<String> = options
        .iter()
        .filter(|option| is_marked_correct(&option.text))
        .map(|option| format!("Correct answer: {}", option.text[3..].trim()))
        .collect();
    if !marked.is_empty() {
        return marked;
    }
    let Some(answer) = answer else {
        return Vec::new();
    };
    let Some((letter, rest)) = answer_letter(&answer.text) else {
        return Vec::new();
    };
    let Some(option) = options
        .iter()
        .find(|option| option_letter(&option.text) == Some(letter))
    else {
        return Vec::new();
    };
    if rest.is_empty() {
        answer.text.clear();
    }
    vec![format!("Correct answer: {}", option.text.trim())]
}

/// "D", "D.", "(B)", "C: because …", "**A**" → the letter and what follows it.
fn answer_letter(text: &str) -> Option<(char, String)> {
    let text = text.trim().trim_start_matches(['*', '_', '(']);
    let mut chars = text.chars();
    let letter = chars.next().filter(char::is_ascii_alphabetic)?;
    let rest = chars.as_str();
    let ends = rest.is_empty() || rest.starts_with(['.', ':', ')', ',', '*', '_', ' ']);
    if !ends || (rest.starts_with(' ') && !rest.trim_start().starts_with(['-', '–', '—'])) {
        return None;
    }
    let rest = rest
        .trim_start_matches(['.', ':', ')', ',', '*', '_', ' ', '-', '–', '—'])
        .trim();
    Some((letter.to_ascii_uppercase(), rest.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(text: &str) -> Block {
        Block::new(1, BlockKind::Item, 1, text)
    }

    #[test]
    fn marked_and_lettered_answers() {
        let mut intro = vec![
            Block::new(1, BlockKind::Code, 0, "```js\nx\n```"),
            item("[ ] `<>`"),
            item("[x] `!==`"),
        ];
        let options = take_options(&mut intro);
        assert_eq!(intro.len(), 1);
        assert_eq!(correct(&options, None), ["Correct answer: `!==`"]);

        let options = [item("A: `1`"), item("B: `2`")];
        let mut answer = Block::new(9, BlockKind::Paragraph, 0, "B");
        assert_eq!(
            correct(&options, Some(&mut answer)),
            ["Correct answer: B: `2`"]
        );
        assert_eq!(answer.text, "");
        let mut prose = Block::new(9, BlockKind::Paragraph, 0, "A closure is a function");
        assert!(correct(&options, Some(&mut prose)).is_empty());
        assert_eq!(answer_letter("C: because"), Some(('C', "because".into())));
        assert_eq!(answer_letter("**D**"), Some(('D', String::new())));
    }
}
