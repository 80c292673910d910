//! Helpers shared by the benches: whether this is a real `cargo bench` run, and a generator
//! of realistic questions for large libraries.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use onsite::domain::{Level, Question, Rubric, RubricLevel};

/// The median of some timings (the upper one of the middle two for an even count).
pub fn median(mut times: Vec<f64>) -> f64 {
    times.sort_by(f64::total_cmp);
    times.get(times.len() / 2).copied().unwrap_or(f64::NAN)
}

/// Whether this is a real benchmark run (`cargo bench`), not `cargo test --benches`, which
/// runs each benchmark once in a debug build: the extra measurements are skipped there.
pub fn measuring() -> bool {
    std::env::args().any(|arg| arg == "--bench")
}

// ---------------------------------------------------------------------------------------------
// Generated questions, shared by the benches that need a large library.

/// A deterministic xorshift generator: every run sees the same library.
pub struct Rng(pub u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

const TOPICS: [&str; 40] = [
    "cache invalidation",
    "rate limiting",
    "database indexes",
    "message queues",
    "schema migrations",
    "feature flags",
    "load balancing",
    "circuit breakers",
    "idempotent retries",
    "connection pooling",
    "event sourcing",
    "leader election",
    "consistent hashing",
    "blue-green deploys",
    "distributed tracing",
    "incident response",
    "code review",
    "on-call rotations",
    "API versioning",
    "cursor pagination",
    "search relevance",
    "access control",
    "secret rotation",
    "data retention",
    "backpressure",
    "sharding",
    "replication lag",
    "batch jobs",
    "stream processing",
    "offline sync",
    "payment reconciliation",
    "fraud checks",
    "push notifications",
    "file uploads",
    "image thumbnails",
    "A/B experiments",
    "mentoring juniors",
    "roadmap trade-offs",
    "technical debt",
    "dependency upgrades",
];

const SETTINGS: [&str; 12] = [
    "a checkout service at peak traffic",
    "our nightly analytics pipeline",
    "a mobile app with flaky networks",
    "a multi-tenant SaaS backend",
    "an internal admin tool",
    "a public REST API used by partners",
    "a search service over millions of documents",
    "a team of six engineers under deadline pressure",
    "a legacy monolith being split up",
    "a payments ledger that must never double-charge",
    "a chat system with millions of users",
    "a video platform with large uploads",
];

const OPENERS: [&str; 6] = [
    "How would you approach",
    "Walk me through",
    "Tell me how you would design",
    "What goes wrong with",
    "Describe a time you dealt with",
    "Which trade-offs matter most for",
];

const COMPETENCIES: [&str; 12] = [
    "Architecture",
    "API design",
    "Data modelling",
    "Performance",
    "Reliability",
    "Security",
    "Operations",
    "Testing",
    "Collaboration",
    "Leadership",
    "Communication",
    "Product sense",
];

const CONCERNS: [&str; 10] = [
    "what happens under partial failure",
    "how stale the data may be",
    "how to roll back safely",
    "what the users notice first",
    "how to measure success",
    "what it costs to run",
    "who gets paged at night",
    "how the change is tested",
    "what breaks at ten times the load",
    "how the team shares the knowledge",
];

/// Question `i` of the generated library: about 1 KB of RON, shaped like the bundled questions
/// (prompt, purpose, four key points, an anchored rubric, follow-ups, a red flag, tags).
pub fn generated_question(i: usize) -> Question {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ (i as u64 + 1).wrapping_mul(0x2545_F491_4F6C_DD1D));
    for _ in 0..4 {
        rng.next();
    }
    let topic = rng.pick(&TOPICS);
    let other = rng.pick(&TOPICS);
    let setting = rng.pick(&SETTINGS);
    let mut question = Question::new(
        format!("q-{i}"),
        format!(
            "{} {topic} in {setting}? Where would {other} come in, and {}?",
            rng.pick(&OPENERS),
            rng.pick(&CONCERNS)
        ),
        5 + (rng.next() % 16) as u32,
    );
    question.purpose = format!(
        "Shows whether the candidate understands {topic} beyond the textbook, and how they weigh \
         {}.",
        rng.pick(&CONCERNS)
    );
    question.key_points = (0..4)
        .map(|_| {
            format!(
                "Relates {} to {}, and says {}",
                rng.pick(&TOPICS),
                topic,
                rng.pick(&CONCERNS)
            )
        })
        .collect();
    question.rubric = Some(Rubric {
        levels: ["Weak", "Partial", "Solid", "Strong"]
            .iter()
            .enumerate()
            .map(|(n, label)| RubricLevel {
                score: n as u8 + 1,
                label: (*label).to_owned(),
                anchor: format!(
                    "{label} grasp of {topic}: covers {} and {}.",
                    rng.pick(&TOPICS),
                    rng.pick(&CONCERNS)
                ),
            })
            .collect(),
    });
    question.follow_ups = (0..2)
        .map(|_| {
            format!(
                "And if {} also mattered, {}?",
                rng.pick(&TOPICS),
                rng.pick(&CONCERNS)
            )
        })
        .collect();
    question.red_flags = vec![format!(
        "Treats {topic} as free, ignoring {}",
        rng.pick(&CONCERNS)
    )];
    question.competency = rng.pick(&COMPETENCIES).to_owned();
    question.level = Level::ALL[(rng.next() % Level::ALL.len() as u64) as usize];
    question.tags = [topic, other]
        .iter()
        .map(|t| t.to_lowercase().replace([' ', '/'], "-"))
        .collect();
    question
}
