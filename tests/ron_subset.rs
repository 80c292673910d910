//! The quick RON reader (`storage::ron_subset`) against ron 0.12, case by case: inputs chosen by
//! reading ron's parser (parse.rs, de/mod.rs, de/id.rs) for the places where the two could part.
//! Every case checks the contract — whatever the quick reader accepts, ron accepts too, with an
//! equal value — and the tables also pin which inputs the quick reader reads itself.
#![allow(clippy::unwrap_used, clippy::panic, missing_docs)]

use std::fmt::Debug;

use onsite::domain::{
    Answer, Evaluation, InterviewPlan, Outcome, PlanEntry, PlanQuestion, Question, QuestionPack,
    QuestionRef, Recommendation, Rubric, RubricLevel,
};
use onsite::storage::format::ron_only;
use onsite::storage::{ron_subset, to_ron};
use proptest::prelude::RngExt;
use proptest::test_runner::{RngAlgorithm, TestRng};
use serde::Deserialize;
use serde::de::DeserializeOwned;

/// What happened to one input.
#[derive(Debug, PartialEq)]
enum Verdict {
    /// The quick reader declined.
    Declined,
    /// The quick reader accepted and ron agrees.
    Agreed,
    /// The contract is broken.
    Violation(String),
}

fn verdict<T: DeserializeOwned + PartialEq + Debug>(text: &str) -> Verdict {
    let Some(quick) = ron_subset::from_str::<T>(text) else {
        return Verdict::Declined;
    };
    match ron_only::<T>(text) {
        Ok(reference) if reference == quick => Verdict::Agreed,
        Ok(reference) => Verdict::Violation(format!(
            "different values for {text:?}: quick {quick:?}, ron {reference:?}"
        )),
        Err(e) => Verdict::Violation(format!(
            "quick accepted what ron refuses ({e}): {text:?} -> quick {quick:?}"
        )),
    }
}

/// Fails on a broken contract; accepting or declining are both fine.
fn check<T: DeserializeOwned + PartialEq + Debug>(text: &str) {
    if let Verdict::Violation(message) = verdict::<T>(text) {
        panic!("{message}");
    }
}

/// Checks every case; `expect` says which ones the quick reader should accept (`true`) or
/// decline (`false`), so the table also documents the subset's reach.
fn table<T: DeserializeOwned + PartialEq + Debug>(cases: &[(&str, bool)]) {
    let mut failures = Vec::new();
    for (text, accepted) in cases {
        match verdict::<T>(text) {
            Verdict::Violation(message) => failures.push(message),
            Verdict::Agreed if !accepted => {
                failures.push(format!("unexpectedly accepted (agreeing): {text:?}"))
            }
            Verdict::Declined if *accepted => {
                failures.push(format!("unexpectedly declined: {text:?}"))
            }
            _ => {}
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A pack around one question with `fields` (5 minutes unless given).
fn pack_with(fields: &str) -> String {
    let minutes = if fields.contains("minutes") {
        ""
    } else {
        ", minutes: 5"
    };
    format!(
        r#"QuestionPack(format: 1, id: "p", title: "P", questions: [(id: "q", prompt: "p"{fields}{minutes})])"#
    )
}

/// A plan around one entry written as `entry`.
fn plan_with(entry: &str) -> String {
    format!(r#"InterviewPlan(format: 1, title: "T", entries: [{entry}])"#)
}

/// An evaluation with `fields` added to the minimal one.
fn evaluation_with(fields: &str) -> String {
    format!(r#"Evaluation(format: 1, candidate: "c", answers: []{fields})"#)
}

/// An evaluation with one answer written as `answer`.
fn evaluation_answer(answer: &str) -> String {
    format!(r#"Evaluation(format: 1, candidate: "c", answers: [{answer}])"#)
}

// ---------------------------------------------------------------------------------------------
// Ad-hoc types.

#[derive(Debug, PartialEq, Deserialize)]
struct S {
    a: u8,
    #[serde(default)]
    b: Option<u32>,
}

#[derive(Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
struct AllDefault {
    #[serde(default)]
    a: u8,
    #[serde(default)]
    o: Option<u8>,
}

#[derive(Debug, PartialEq, Deserialize)]
enum E {
    U,
    N(u8),
    I(i64),
    V(Vec<u8>),
    O(Option<u8>),
    OO(Option<Option<u8>>),
    St(S),
    Def(AllDefault),
    B(bool),
    F(f32),
    D(f64),
    Str(String),
    Inner(E2),
    Bx(Box<S>),
    VS(Vec<S>),
    VO(Vec<Option<u8>>),
}

#[derive(Debug, PartialEq, Deserialize)]
enum E2 {
    X,
    Y(u8),
    None,
    Some(u8),
}

#[derive(Debug, PartialEq, Deserialize)]
struct W {
    o: Option<Option<u8>>,
    #[serde(default)]
    e: Option<E>,
    #[serde(default)]
    f: f32,
    #[serde(default)]
    s: Option<S>,
}

/// A struct whose name is a keyword.
#[derive(Debug, PartialEq, Deserialize)]
#[serde(rename = "Some")]
struct NamedSome {
    a: u8,
}

/// A struct named like ron's special-cased `Range`.
#[derive(Debug, PartialEq, Deserialize)]
struct Range {
    start: u8,
    end: u8,
}

#[derive(Debug, PartialEq, Deserialize)]
#[serde(tag = "t", content = "c")]
enum Adjacent {
    A(u8),
    B(S),
    C,
}

#[derive(Debug, PartialEq, Deserialize)]
#[serde(field_identifier)]
enum Field {
    Alpha,
    Beta,
}

// ---------------------------------------------------------------------------------------------
// Whitespace, comments, start and end of input.

#[test]
fn whitespace_and_comments() {
    table::<QuestionPack>(&[
        (
            "\u{0B}\u{0C}QuestionPack(format: 1, id: \"p\", title: \"P\", questions: [])\u{0B}",
            true,
        ),
        (
            "QuestionPack/**/(format: 1, id: \"p\", title: \"P\", questions: [])",
            true,
        ),
        (
            "QuestionPack//c\n(format: 1, id: \"p\", title: \"P\", questions: [])//",
            true,
        ),
        (
            "QuestionPack(format /*a*/ : /*b*/ 1 /*c*/ , id: \"p\", title: \"P\", questions: [ /*d*/ ])",
            true,
        ),
        (
            "QuestionPack(format: 1, id: \"p\", title: \"P\", questions: [])/*/**/*/",
            true,
        ),
        (
            "QuestionPack(format: 1, id: \"p\", title: \"P\", questions: [])/***/",
            true,
        ),
        (
            "QuestionPack(format: 1, id: \"p\", title: \"P\", questions: [])/*/*/",
            false,
        ),
        (
            "QuestionPack(format: 1, id: \"p\", title: \"P\", questions: [])/*/",
            false,
        ),
        (
            "QuestionPack(format: 1, id: \"p\", title: \"P\", questions: [])/",
            false,
        ),
        (
            "QuestionPack(format: 1, id: \"p\", title: \"P\", questions: [])/x",
            false,
        ),
        (
            "QuestionPack(format: 1, id: \"p\", title: \"P\", questions: [])\u{85}",
            false,
        ),
        (
            "\u{FEFF}QuestionPack(format: 1, id: \"p\", title: \"P\", questions: [])",
            false,
        ),
        (
            "QuestionPack(format: 1,\u{2029}id: \"p\", title: \"P\", questions: [])",
            false,
        ),
        (
            "QuestionPack(format: 1\u{200E}, id: \"p\", title: \"P\", questions: [])",
            false,
        ),
        (
            "QuestionPack(format: 1, id: \"p\", title: \"P\", questions: [])\0",
            false,
        ),
        ("// only a comment", false),
        (
            "/* c */ #![enable(implicit_some)] QuestionPack(format: 1, id: \"p\", title: \"P\", questions: [])",
            false,
        ),
        (
            "#![type = \"x\"] QuestionPack(format: 1, id: \"p\", title: \"P\", questions: [])",
            false,
        ),
        (
            "QuestionPack(format: 1, id: \"p\", title: \"P\", questions: [],,)",
            false,
        ),
        (
            "QuestionPack(,format: 1, id: \"p\", title: \"P\", questions: [])",
            false,
        ),
        (
            "QuestionPack(format: 1, id: \"p\", title: \"P\", questions: [,])",
            false,
        ),
        (
            "QuestionPack(format: 1, id: \"p\", title: \"P\", questions: [])\r\n\t ",
            true,
        ),
        (
            "QuestionPack(format: 1, id: \"p\", title: \"P\", questions: [], description: \"\\\r\n x\")",
            false,
        ),
    ]);
}

// ---------------------------------------------------------------------------------------------
// Identifiers, struct names, keywords.

#[test]
fn identifiers_and_struct_names() {
    table::<QuestionPack>(&[
        ("(format: 1, id: \"p\", title: \"P\", questions: [])", true),
        (
            "QuestionPack (format: 1, id: \"p\", title: \"P\", questions: [])",
            true,
        ),
        (
            "Question(format: 1, id: \"p\", title: \"P\", questions: [])",
            false,
        ),
        (
            "QuestionPackX(format: 1, id: \"p\", title: \"P\", questions: [])",
            false,
        ),
        (
            "r#QuestionPack(format: 1, id: \"p\", title: \"P\", questions: [])",
            false,
        ),
        (
            "QuestionPacké(format: 1, id: \"p\", title: \"P\", questions: [])",
            false,
        ),
        (
            "QuestionPack.(format: 1, id: \"p\", title: \"P\", questions: [])",
            false,
        ),
        (
            "QuestionPack(r#format: 1, id: \"p\", title: \"P\", questions: [])",
            false,
        ),
        (
            "QuestionPack(format-: 1, id: \"p\", title: \"P\", questions: [])",
            false,
        ),
        (
            "QuestionPack(\"format\": 1, id: \"p\", title: \"P\", questions: [])",
            false,
        ),
        (
            "QuestionPack(fórmat: 1, id: \"p\", title: \"P\", questions: [])",
            false,
        ),
        (
            "QuestionPack(format:1,id:\"p\",title:\"P\",questions:[Question(id:\"q\",prompt:\"\",minutes:1)])",
            true,
        ),
        (
            "QuestionPack(format: 1, id: \"p\", title: \"P\", questions: [Questio(id: \"q\", prompt: \"\", minutes: 1)])",
            false,
        ),
        (
            "QuestionPack(format: 1, id: \"p\", title: \"P\", questions: [QuestionPack(id: \"q\", prompt: \"\", minutes: 1)])",
            false,
        ),
        (
            "QuestionPack(format: 1, id: \"p\", title: \"P\", questions: [ Question /**/ ( id: \"q\", prompt: \"\", minutes: 1 , ) , ])",
            true,
        ),
        ("QuestionPack", false),
        ("QuestionPack(", false),
        ("()", false),
    ]);
    table::<QuestionPack>(&[
        (&pack_with(", level: Senior"), true),
        (&pack_with(", level:Senior/**/"), true),
        (&pack_with(", level: r#Senior"), false),
        (&pack_with(", level: Seniorx"), false),
        (&pack_with(", level: Senior()"), false),
        (&pack_with(", level: \"Senior\""), false),
        (&pack_with(", level: Senior.x"), false),
        (&pack_with(", level: Any"), true),
    ]);
}

// ---------------------------------------------------------------------------------------------
// Strings.

#[test]
fn strings() {
    let cases = [
        (r#", purpose: "\u{41}\u{e9}\u{1F600}""#, true),
        (r#", purpose: "\u{0}""#, true),
        (r#", purpose: "\u{10FFFF}""#, true),
        (r#", purpose: "\u{110000}""#, false),
        (r#", purpose: "\u{D800}""#, false),
        (r#", purpose: "\u{DFFF}""#, false),
        (r#", purpose: "\u{}""#, false),
        (r#", purpose: "\u{0000041}""#, false),
        (r#", purpose: "\u{000041}""#, true),
        (r#", purpose: "\u{41""#, false),
        (r#", purpose: "\u{+41}""#, false),
        (r#", purpose: "\u{g}""#, false),
        (r#", purpose: "\u41""#, false),
        (r#", purpose: "\u{aBcD}""#, true),
        (r#", purpose: "\x41""#, false),
        (r#", purpose: "\a""#, false),
        (r#", purpose: "\é""#, false),
        (r#", purpose: "\""#, false),
        (r#", purpose: "a\\"b""#, false),
        (r#", purpose: "a\\\"b""#, true),
        (r#", purpose: "\\\\\\""#, true),
        (r#", purpose: "é\"ü\'\0\n\r\t""#, true),
        (", purpose: \"literal\ttab and\nnewline and \u{85}\"", true),
        (r##", purpose: r#"a"b"#"##, true),
        (r###", purpose: r##"a"#b"##"###, true),
        (r##", purpose: r#""#"##, true),
        (r#", purpose: r"""#, true),
        (r#", purpose: r"\u{41}""#, true),
        (r###", purpose: r#"x"##"###, false),
        (r###", purpose: r#"x""###, false),
        (r#", purpose: r#x"#, false),
        (r#", purpose: br"x""#, false),
        (r#", purpose: b"x""#, false),
        (r#", purpose: 'x'"#, false),
        (r#", purpose: "x" "y""#, false),
        (r#", purpose: "x"y"#, false),
    ];
    let cases: Vec<(String, bool)> = cases.iter().map(|(f, a)| (pack_with(f), *a)).collect();
    let cases: Vec<(&str, bool)> = cases.iter().map(|(t, a)| (t.as_str(), *a)).collect();
    table::<QuestionPack>(&cases);

    table::<String>(&[
        ("\"a\"", true),
        (" \"a\" // c", true),
        ("r#\"a\"#", true),
        ("\"\\u{1F600}\"", true),
        ("\"a\\", false),
        ("\"a\\u", false),
        ("\"a\\u{", false),
        ("\"a\\u{41", false),
        ("\"a", false),
        ("r", false),
        ("r#", false),
        ("\\", false),
        ("a", false),
    ]);
}

// ---------------------------------------------------------------------------------------------
// Numbers.

#[test]
fn numbers_in_packs() {
    let cases = [
        (", minutes: 0", true),
        (", minutes: 4294967295", true),
        (", minutes: 4294967296", false),
        (", minutes: -0", false),
        (", minutes: 00", false),
        (", minutes: 5/*c*/", true),
        (", minutes: 5//c\n", true),
        (", minutes: 5.0", false),
        (", minutes: 5e0", false),
        (", minutes: 5_", false),
        (", minutes: 5u32", false),
        (", minutes: 5i", false),
        (", minutes: 0b1", false),
        (", minutes: 5..6", false),
        (", minutes: 5é", false),
        (", minutes: 5'", false),
        (", minutes: 5(", false),
        (", weight: -0", true),
        (", weight: -0.0", true),
        (", weight: 00.5", true),
        (", weight: 007", true),
        (", weight: 1e400", true),
        (", weight: -1e400", true),
        (", weight: 1e-400", true),
        (", weight: 5", true),
        (", weight: 1E+2", true),
        (", weight: 1e+2", true),
        (", weight: 2.5e-3", true),
        (", weight: 1.7976931348623157e308", true),
        (", weight: 99999999999999999999999999", true),
        (", weight: 0.1000000000000000055511151231257827", true),
        (", weight: 1.", false),
        (", weight: .5", false),
        (", weight: 1.e5", false),
        (", weight: 1e", false),
        (", weight: 1e+", false),
        (", weight: 1e5e", false),
        (", weight: 1-2", false),
        (", weight: 1.5f64", false),
        (", weight: 1.5.5", false),
        (", weight: +1", false),
        (", weight: inf", false),
        (", weight: NaN", false),
        (", weight: 1_0", false),
        (", weight: 1..", false),
        (", weight: 0x10", false),
        (", weight: -", false),
        (", weight: --1", false),
        (", rubric: [(score: 255, label: \"x\")]", true),
        (", rubric: [(score: 256, label: \"x\")]", false),
        (", rubric: [(score: -1, label: \"x\")]", false),
    ];
    let cases: Vec<(String, bool)> = cases.iter().map(|(f, a)| (pack_with(f), *a)).collect();
    let cases: Vec<(&str, bool)> = cases.iter().map(|(t, a)| (t.as_str(), *a)).collect();
    table::<QuestionPack>(&cases);
}

#[test]
fn numbers_ad_hoc() {
    table::<i8>(&[
        ("-128", true),
        ("-129", false),
        ("127", true),
        ("128", false),
        ("-0", true),
        ("-00", false),
        ("- 1", false),
    ]);
    table::<i64>(&[
        ("-9223372036854775808", true),
        ("9223372036854775807", true),
        ("9223372036854775808", false),
        ("-9223372036854775809", false),
        ("0", true),
    ]);
    table::<u64>(&[
        ("18446744073709551615", true),
        ("18446744073709551616", false),
        ("-0", false),
    ]);
    table::<u8>(&[
        ("0", true),
        ("00", false),
        ("255", true),
        ("256", false),
        ("1 ", true),
    ]);
    table::<f32>(&[
        ("1.5", true),
        ("0.1", true),
        ("16777217", true),
        ("3.4028236e38", true),
        ("1e39", true),
        ("-1e-50", true),
        ("1e-45", true),
        ("-0", true),
        ("7", true),
    ]);
    table::<f64>(&[
        ("5e-324", true),
        ("2.2250738585072014e-308", true),
        ("1e16", true),
    ]);
    table::<bool>(&[
        ("true", true),
        ("false", true),
        ("truex", false),
        ("true/**/", true),
        ("True", false),
        ("true_", false),
        ("trueé", false),
        ("true.", false),
    ]);
}

// ---------------------------------------------------------------------------------------------
// Options: explicit, implicit, nested.

#[test]
fn options_in_plans() {
    let cases = [
        (
            r#"(question: FromPack(pack: "a", question: "b"), minutes: 5)"#,
            true,
        ),
        (
            r#"(question: FromPack(pack: "a", question: "b"), minutes: Some(5))"#,
            true,
        ),
        (
            r#"(question: FromPack(pack: "a", question: "b"), minutes: Some(5,))"#,
            true,
        ),
        (
            r#"(question: FromPack(pack: "a", question: "b"), minutes: Some ( 5 , ) )"#,
            true,
        ),
        (
            r#"(question: FromPack(pack: "a", question: "b"), minutes: Some/**/(5))"#,
            true,
        ),
        (
            r#"(question: FromPack(pack: "a", question: "b"), minutes: None)"#,
            true,
        ),
        (
            r#"(question: FromPack(pack: "a", question: "b"), minutes: None/**/)"#,
            true,
        ),
        (
            r#"(question: FromPack(pack: "a", question: "b"), minutes: Some(Some(5)))"#,
            false,
        ),
        (
            r#"(question: FromPack(pack: "a", question: "b"), minutes: Some(None))"#,
            false,
        ),
        (
            r#"(question: FromPack(pack: "a", question: "b"), minutes: Some())"#,
            false,
        ),
        (
            r#"(question: FromPack(pack: "a", question: "b"), minutes: Some 5)"#,
            false,
        ),
        (
            r#"(question: FromPack(pack: "a", question: "b"), minutes: Some)"#,
            false,
        ),
        (
            r#"(question: FromPack(pack: "a", question: "b"), minutes: Some(5)(6))"#,
            false,
        ),
        (
            r#"(question: FromPack(pack: "a", question: "b"), minutes: Nonex)"#,
            false,
        ),
        (
            r#"(question: FromPack(pack: "a", question: "b"), minutes: Somex(5))"#,
            false,
        ),
        (
            r#"(question: FromPack(pack: "a", question: "b"), minutes: -1)"#,
            false,
        ),
        (r#"(question: FromPack(pack: "a", question: "b"),)"#, true),
        (
            r#"PlanEntry(question: FromPack(pack: "a", question: "b"))"#,
            true,
        ),
        (
            r#"Plan(question: FromPack(pack: "a", question: "b"))"#,
            false,
        ),
    ];
    let cases: Vec<(String, bool)> = cases.iter().map(|(f, a)| (plan_with(f), *a)).collect();
    let cases: Vec<(&str, bool)> = cases.iter().map(|(t, a)| (t.as_str(), *a)).collect();
    table::<InterviewPlan>(&cases);
}

#[test]
fn options_ad_hoc() {
    table::<Option<Option<u8>>>(&[
        ("None", true),
        ("5", true),
        ("Some(5)", false),
        ("Some(None)", false),
        ("Some(Some(5))", false),
        ("Some", false),
        ("", false),
    ]);
    table::<Option<S>>(&[
        ("(a: 1)", true),
        ("S(a: 1)", true),
        ("Some(a: 1)", true),
        ("Some(a: 1,)", true),
        ("Some(a: 1, b: 2)", true),
        ("Some(a: 1, b: None)", true),
        ("Some(a: 1, b: Some(2))", true),
        ("Some((a: 1))", false),
        ("Some(S(a: 1))", false),
        ("Some()", false),
        ("None", true),
        ("T(a: 1)", false),
    ]);
    table::<Option<AllDefault>>(&[
        ("Some()", true),
        ("Some(,)", false),
        ("()", true),
        ("Some( )", true),
    ]);
    table::<Option<Vec<Option<u8>>>>(&[
        ("[1, None, Some(2)]", true),
        ("Some([1, None, Some(2),])", true),
        ("Some([])", true),
        ("[]", true),
    ]);
    table::<Vec<Option<S>>>(&[(
        "[(a: 1), None, Some(a: 2), S(a: 3), Some(a: 4, b: 5)]",
        true,
    )]);
    table::<Option<bool>>(&[
        ("Some(true)", true),
        ("true", true),
        ("None", true),
        ("Some(true", false),
    ]);
    table::<Option<String>>(&[
        ("\"None\"", true),
        ("Some(\"x\")", true),
        ("Some(r#\"x\"#)", true),
        ("None", true),
        ("Some (\"x\" , )", true),
    ]);
    table::<Option<NamedSome>>(&[
        ("Some(a: 1)", true),
        ("(a: 1)", true),
        ("Some(Some(a: 1))", false),
    ]);
    table::<NamedSome>(&[
        ("Some(a: 1)", true),
        ("(a: 1)", true),
        ("None(a: 1)", false),
    ]);
    table::<Option<E2>>(&[
        ("None", true),
        ("Some(None)", true),
        ("Some(Some(3))", true),
        ("Some(X)", true),
        ("X", true),
        ("Y(3)", true),
        ("Some(Y(3))", true),
        ("Some(Some)", false),
        ("Some", false),
    ]);
    table::<W>(&[
        ("(o: 5)", true),
        ("(o: None)", true),
        ("(o: Some(5))", false),
        ("(o: Some(None))", false),
        ("W(o: 1, e: N(3), f: 2)", true),
        ("W(o: 1, e: Some(N(3)), f: -2.5)", true),
        ("W(o: 1, e: Some(St(a: 1)), s: Some(a: 2))", true),
        ("W(o: 1, e: St(a: 1, b: 3), s: (a: 2, b: None))", true),
        ("W(o: 1, e: O(5))", false),
        ("W(o: 1, e: O(None))", false),
        ("W(o: 1, e: None, s: None)", true),
    ]);
}

// ---------------------------------------------------------------------------------------------
// Enums and newtype variants.

#[test]
fn newtype_variants_ad_hoc() {
    table::<E>(&[
        ("U", true),
        ("U()", false),
        ("N(5)", true),
        ("N (5 , )", true),
        ("N", false),
        ("N()", false),
        ("N(5, 6)", false),
        ("I(-9223372036854775808)", true),
        ("I(9223372036854775808)", false),
        ("V([1, 2])", true),
        ("V([])", true),
        ("V(())", false),
        ("O(5)", false),
        ("O(None)", false),
        ("O(Some(5))", false),
        ("OO(5)", false),
        ("St(a: 1)", true),
        ("St(a: 1, b: 2)", true),
        ("St(a: 1, b: Some(2))", true),
        ("St(a: 1, b: None,)", true),
        ("St(S(a: 1))", false),
        ("St((a: 1))", false),
        ("St()", false),
        ("Def()", true),
        ("Def( )", true),
        ("Def(,)", false),
        ("Def(a: 1, o: 2)", true),
        ("Def(o: Some(2))", true),
        ("B(true)", true),
        ("F(1.5)", true),
        ("F(-0.0)", true),
        ("F(3.4028236e38)", true),
        ("D(1e308)", true),
        ("Str(r#\"x\"#)", true),
        ("Str(\"\\u{41}\")", true),
        ("Inner(X)", true),
        ("Inner(Y(5))", true),
        ("Inner(None)", true),
        ("Inner(Some(5))", true),
        ("Inner(Y)", false),
        ("Bx(a: 1)", true),
        ("Bx(S(a: 1))", false),
        ("VS([(a: 1), S(a: 2)])", true),
        ("VO([1, None, Some(2)])", true),
        ("r#N(5)", false),
        ("\"N\"", false),
        ("Nope(5)", false),
    ]);
    table::<Vec<E>>(&[("[U, N(1), St(a: 1), Inner(Y(2)), V([3])]", true)]);
}

#[test]
fn newtype_variants_in_plans() {
    let cases = [
        (r#"(question: FromPack(pack: "a", question: "b",))"#, true),
        (
            r#"(question: FromPack (pack: "a", question: "b") , )"#,
            true,
        ),
        (
            r#"(question: FromPack(QuestionRef(pack: "a", question: "b")))"#,
            false,
        ),
        (r#"(question: FromPack((pack: "a", question: "b")))"#, false),
        (r#"(question: FromPack(pack: "a"))"#, false),
        (r#"(question: FromPack())"#, false),
        (r#"(question: FromPack)"#, false),
        (r#"(question: FromPack(pack: "a", question: "b"),,)"#, false),
        (
            r#"(question: FromPack(pack: "a", question: "b", extra: 1))"#,
            false,
        ),
        (
            r#"(question: Custom(id: "c", prompt: "p", minutes: 3))"#,
            true,
        ),
        (
            r#"(question: Custom(id: "c", prompt: "p", minutes: 3, rubric: Some([])))"#,
            true,
        ),
        (
            r#"(question: Custom(id: "c", prompt: "p", minutes: 3, rubric: [(score: 1, label: "l")]))"#,
            true,
        ),
        (
            r#"(question: Custom(id: "c", prompt: "p", minutes: 3, rubric: None, level: Staff))"#,
            true,
        ),
        (
            r#"(question: Custom(Question(id: "c", prompt: "p", minutes: 3)))"#,
            false,
        ),
        (r#"(question: Custom())"#, false),
        (r#"(question: Unknown(id: "c"))"#, false),
    ];
    let cases: Vec<(String, bool)> = cases.iter().map(|(f, a)| (plan_with(f), *a)).collect();
    let cases: Vec<(&str, bool)> = cases.iter().map(|(t, a)| (t.as_str(), *a)).collect();
    table::<InterviewPlan>(&cases);
}

#[test]
fn evaluations() {
    let fields = [
        ("", true),
        (r#", started_at: "2024-01-01T00:00:00Z""#, true),
        (r#", started_at: Some("2024-01-01T00:00:00Z")"#, true),
        (r#", started_at: None"#, true),
        (r#", started_at: "2024-01-01T00:00:00+01:00""#, true),
        (r#", started_at: r"2024-01-01T00:00:00Z""#, true),
        (r#", started_at: "2024-13-01T00:00:00Z""#, false),
        (r#", started_at: 5"#, false),
        (
            r#", reopened_at: ["2024-01-01T00:00:00Z", "2024-01-02T00:00:00.123456789Z",]"#,
            true,
        ),
        (r#", recommendation: Some(StrongYes)"#, true),
        (r#", recommendation: No"#, true),
        (r#", recommendation: None"#, true),
        (r#", recommendation: Some(None)"#, false),
        (
            r#", status: Submitted, current: 18446744073709551615"#,
            true,
        ),
        (r#", current: 18446744073709551616"#, false),
        (
            r#", summary: "s", general_notes: r"g", private_notes: "\u{1F600}""#,
            true,
        ),
    ];
    let cases: Vec<(String, bool)> = fields
        .iter()
        .map(|(f, a)| (evaluation_with(f), *a))
        .collect();
    let cases: Vec<(&str, bool)> = cases.iter().map(|(t, a)| (t.as_str(), *a)).collect();
    table::<Evaluation>(&cases);

    let answers = [
        (r#"(question: (id: "q", prompt: "p", minutes: 1))"#, true),
        (
            r#"(question: (id: "q", prompt: "p", minutes: 1), outcome: Rated(3), covered: [0, 1], red_flags_seen: [1,], seconds: 5)"#,
            true,
        ),
        (
            r#"(question: (id: "q", prompt: "p", minutes: 1), outcome: Rated(256))"#,
            false,
        ),
        (
            r#"(question: (id: "q", prompt: "p", minutes: 1), outcome: Rated(-1))"#,
            false,
        ),
        (
            r#"(question: (id: "q", prompt: "p", minutes: 1), outcome: Rated)"#,
            false,
        ),
        (
            r#"(question: (id: "q", prompt: "p", minutes: 1), outcome: NotAsked)"#,
            true,
        ),
        (
            r#"(question: (id: "q", prompt: "p", minutes: 1), outcome: NoEvidence())"#,
            false,
        ),
        (
            r#"(question: (id: "q", prompt: "p", minutes: 1), source: (pack: "a", question: "b"))"#,
            true,
        ),
        (
            r#"(question: (id: "q", prompt: "p", minutes: 1), source: QuestionRef(pack: "a", question: "b"))"#,
            true,
        ),
        (
            r#"(question: (id: "q", prompt: "p", minutes: 1), source: Some(pack: "a", question: "b"))"#,
            true,
        ),
        (
            r#"(question: (id: "q", prompt: "p", minutes: 1), source: Some((pack: "a", question: "b")))"#,
            false,
        ),
        (
            r#"(question: (id: "q", prompt: "p", minutes: 1), source: Some(QuestionRef(pack: "a", question: "b")))"#,
            false,
        ),
        (
            r#"(question: (id: "q", prompt: "p", minutes: 1), source: None)"#,
            true,
        ),
        (
            r#"(question: Question(id: "q", prompt: "p", minutes: 1, rubric: Some([(score: 1, label: "l", anchor: "a")])))"#,
            true,
        ),
        (
            r#"(question: (id: "q", prompt: "p", minutes: 1), covered: [0, 0, 1])"#,
            true,
        ),
        (
            r#"(question: (id: "q", prompt: "p", minutes: 1), covered: [-1])"#,
            false,
        ),
    ];
    let cases: Vec<(String, bool)> = answers
        .iter()
        .map(|(f, a)| (evaluation_answer(f), *a))
        .collect();
    let cases: Vec<(&str, bool)> = cases.iter().map(|(t, a)| (t.as_str(), *a)).collect();
    table::<Evaluation>(&cases);
}

#[test]
fn serde_special_shapes() {
    // Adjacently tagged enums are read through `deserialize_struct` with fields `t` and `c`.
    table::<Adjacent>(&[
        ("(t: A, c: 5)", true),
        ("Adjacent(t: A, c: 5)", true),
        ("(t: B, c: (a: 1))", true),
        ("(t: B, c: S(a: 1))", true),
        ("(t: B, c: Some(a: 1))", false),
        ("(t: C)", true),
        ("(t: C, c: ())", false),
        ("(c: 5, t: A)", false),
        ("(t: \"A\", c: 5)", false),
    ]);
    table::<Field>(&[
        ("Alpha", true),
        ("Beta", true),
        ("Gamma", false),
        ("\"Alpha\"", false),
    ]);
    // ron special-cases structs named `Range`.
    table::<Range>(&[
        ("Range(start: 1, end: 2)", true),
        ("(start: 1, end: 2)", true),
        ("1..2", false),
    ]);
}

#[derive(Debug, PartialEq, Deserialize)]
enum Chain {
    End,
    Next(Box<Chain>),
}

#[derive(Debug, PartialEq, Deserialize)]
struct Node {
    n: Option<Box<Node>>,
}

#[test]
fn deep_nesting_agrees_or_declines() {
    for depth in 0..140 {
        let chain = format!("{}End{}", "Next(".repeat(depth), ")".repeat(depth));
        check::<Chain>(&chain);
        let nodes = format!("{}None{}", "(n: ".repeat(depth + 1), ")".repeat(depth + 1));
        check::<Node>(&nodes);
        let explicit = format!(
            "{}None{}",
            "(n: Some(".repeat(depth) + "(n: ",
            "))".repeat(depth) + ")"
        );
        check::<Node>(&explicit);
    }
    assert!(
        ron_subset::from_str::<Chain>(&format!("{}End{}", "Next(".repeat(20), ")".repeat(20)))
            .is_some()
    );
    let comments = "/*".repeat(10_000) + &"*/".repeat(10_000) + "5";
    table::<u8>(&[(&comments, true)]);
    table::<u8>(&[(&format!("/*{}5", "/*".repeat(100)), false)]);
}

// ---------------------------------------------------------------------------------------------
// What Onsite itself writes should not be declined (performance, not correctness).

fn odd_question() -> Question {
    let mut q = Question::new("q", "quote \" backslash \\ hashes \"# \"## r#\"x\"# end", 7);
    q.purpose = "tab\tnewline\nnul\0 bell\u{7} del\u{7f} nel\u{85} emoji 😀 bidi \u{200E}".into();
    q.key_points = vec![
        String::new(),
        "/* not a comment */".into(),
        "// nor this".into(),
    ];
    q.rubric = Some(Rubric {
        levels: vec![RubricLevel {
            score: 255,
            label: "\"".into(),
            anchor: "\\".into(),
        }],
    });
    q.weight = 1e-7;
    q.tags = vec!["#".into(), "\"#\"".into()];
    q
}

#[test]
fn to_ron_output_is_read_quickly() {
    let mut pack = QuestionPack::new("p", "P \"x\"");
    pack.questions.push(odd_question());
    let mut q2 = Question::new("q2", "", 0);
    q2.weight = 1.5e300;
    pack.questions.push(q2);
    let mut q3 = Question::new("q3", "", u32::MAX);
    q3.weight = -0.0;
    pack.questions.push(q3);
    let text = to_ron(&pack).unwrap();
    assert_eq!(
        ron_subset::from_str::<QuestionPack>(&text),
        Some(pack.clone()),
        "{text}"
    );

    let mut plan = InterviewPlan::new("T", "R");
    plan.entries.push(PlanEntry {
        question: PlanQuestion::FromPack(QuestionRef {
            pack: "a".into(),
            question: "b".into(),
        }),
        minutes: Some(0),
    });
    plan.entries.push(PlanEntry {
        question: PlanQuestion::Custom(Box::new(odd_question())),
        minutes: None,
    });
    let text = to_ron(&plan).unwrap();
    assert_eq!(
        ron_subset::from_str::<InterviewPlan>(&text),
        Some(plan.clone()),
        "{text}"
    );

    let mut evaluation = Evaluation::new("c", "r");
    let mut answer = Answer::new(
        odd_question(),
        Some(QuestionRef {
            pack: "a".into(),
            question: "b".into(),
        }),
    );
    answer.outcome = Outcome::Rated(4);
    answer.covered.insert(0);
    answer.red_flags_seen.insert(usize::MAX);
    answer.seconds = u64::MAX;
    evaluation.answers.push(answer);
    evaluation
        .answers
        .push(Answer::new(Question::new("x", "y", 1), None));
    evaluation.recommendation = Some(Recommendation::StrongNo);
    evaluation.started_at = Some("2024-01-01T00:00:00.5Z".parse().unwrap());
    evaluation.reopened_at = vec!["2024-01-02T00:00:00Z".parse().unwrap()];
    let text = to_ron(&evaluation).unwrap();
    assert_eq!(
        ron_subset::from_str::<Evaluation>(&text),
        Some(evaluation.clone()),
        "{text}"
    );
}

#[test]
fn to_ron_non_finite_weights_are_declined() {
    // `to_ron` writes `NaN`/`inf` for non-finite weights; the quick reader leaves those to ron.
    for weight in [f64::INFINITY, f64::NEG_INFINITY, f64::NAN] {
        let mut pack = QuestionPack::new("p", "P");
        let mut q = Question::new("q", "", 1);
        q.weight = weight;
        pack.questions.push(q);
        let text = to_ron(&pack).unwrap();
        assert_eq!(ron_subset::from_str::<QuestionPack>(&text), None, "{text}");
        assert!(ron_only::<QuestionPack>(&text).is_ok(), "{text}");
    }
}

// ---------------------------------------------------------------------------------------------
// Floats compared bit for bit (`==` would hide a sign difference on zero).

#[test]
fn floats_bit_for_bit() {
    for text in [
        "-0", "-0.0", "0", "0.0", "-0e5", "1e-400", "-1e-400", "1e400", "5e-324", "0.1", "-1.5e-3",
    ] {
        if let Some(quick) = ron_subset::from_str::<f64>(text) {
            let reference = ron_only::<f64>(text).unwrap();
            assert_eq!(quick.to_bits(), reference.to_bits(), "{text}");
        }
        if let Some(quick) = ron_subset::from_str::<f32>(text) {
            let reference = ron_only::<f32>(text).unwrap();
            assert_eq!(quick.to_bits(), reference.to_bits(), "{text}");
        }
    }
}

#[test]
fn more_strings_and_comments() {
    table::<String>(&[
        ("\"\\u{41}\\n\\u{42}\"", true),
        ("\"\\u{41}\\u{42}\\\\\"", true),
        ("\"\\u{41}", false),
        ("\"\\", false),
        ("/* é \" */ \"x\" // é \" \n", true),
        ("/* a /* b */ c */ \"x\" /* **/ /**/", true),
        ("\"x\" // no newline at the end", true),
        ("\"x\" /", false),
        ("\"x\" * /", false),
        ("r##\"a\"#\"b\"##", true),
        ("r##\"a\"#", false),
        ("r\"a\\\"", true),
    ]);
}

// ---------------------------------------------------------------------------------------------
// Token-level mutations of valid files, checked with the contract (a fixed-seed generator, so
// every run tries the same mutants).

const TOKENS: &[&str] = &[
    "Some(",
    "Some",
    "None",
    "(",
    ")",
    "[",
    "]",
    ",",
    ":",
    " ",
    "\n",
    "\"",
    "\\",
    "\\u{41}",
    "\\u{",
    "}",
    "r#\"",
    "\"#",
    "r\"",
    "#",
    "/*",
    "*/",
    "//",
    "-",
    "+",
    ".",
    "e",
    "E",
    "0",
    "1",
    "9",
    "_",
    "r#",
    "FromPack(",
    "Custom(",
    "Rated(",
    "NotAsked",
    "x",
    "é",
    "\u{85}",
    "'",
    "b",
    "QuestionRef",
    "Question",
    "minutes: ",
    "rubric: ",
    "source: ",
    "outcome: ",
    "5",
    "1e3",
];

/// One or two edits at random places: a token inserted, a few bytes removed, or replaced by a
/// token.
fn mutate(rng: &mut TestRng, text: &str) -> String {
    let mut text = text.to_owned();
    for _ in 0..rng.random_range(1..=2) {
        let mut at = rng.random_range(0..=text.len());
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        let token = TOKENS[rng.random_range(0..TOKENS.len())];
        let kind = rng.random_range(0..3);
        if kind == 0 {
            text.insert_str(at, token);
            continue;
        }
        let mut end = (at + rng.random_range(1..=4)).min(text.len());
        while !text.is_char_boundary(end) {
            end += 1;
        }
        text.replace_range(at..end, if kind == 1 { "" } else { token });
    }
    text
}

#[test]
fn token_mutations_agree() {
    let plan = plan_with(
        r#"(question: FromPack(pack: "a", question: "b"), minutes: Some(5)), (question: Custom(id: "c", prompt: "p \"q\" \u{41}", minutes: 3, rubric: [(score: 1, label: "l")], weight: 1.5e-3)), (question: FromPack(pack: "a", question: "b"), minutes: 7)"#,
    );
    let evaluation = evaluation_answer(
        r##"(question: (id: "q", prompt: r#"p"#, minutes: 1, level: Senior), source: Some(pack: "a", question: "b"), outcome: Rated(3), covered: [0, 1], seconds: 5), (question: (id: "r", prompt: "", minutes: 2), source: (pack: "a", question: "b"), outcome: NotAsked)"##,
    );
    let pack = pack_with(
        r#", rubric: Some([(score: 1, label: "x", anchor: "\\ \" \n")]), tags: ["a", "b"], weight: 2"#,
    );
    let ad_hoc = "W(o: 1, e: Some(St(a: 1, b: 2)), f: -2.5, s: Some(a: 2))";
    let mut rng = TestRng::deterministic_rng(RngAlgorithm::ChaCha);
    let mut accepted = 0;
    for round in 0..200_000 {
        let base = match round % 4 {
            0 => plan.as_str(),
            1 => evaluation.as_str(),
            2 => pack.as_str(),
            _ => ad_hoc,
        };
        let text = mutate(&mut rng, base);
        let verdicts = [
            verdict::<InterviewPlan>(&text),
            verdict::<Evaluation>(&text),
            verdict::<QuestionPack>(&text),
            verdict::<W>(&text),
        ];
        for v in verdicts {
            if let Verdict::Violation(message) = v {
                panic!("{message}");
            }
            if v == Verdict::Agreed {
                accepted += 1;
            }
        }
    }
    assert!(accepted > 5_000, "only {accepted} mutants accepted");
    eprintln!("{accepted} mutants accepted and agreed");
}
