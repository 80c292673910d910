//! The `onsite` binary: opens the window, or runs a subcommand.

use std::process::ExitCode;

use clap::Parser;
use onsite::cli::{Cli, run};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        None => onsite::ui::run(None).map(|()| ExitCode::SUCCESS),
        Some(command) => run(command, &mut std::io::stdout(), &mut std::io::stderr()),
    };
    result.unwrap_or_else(|error| {
        eprintln!("error: {error:#}");
        ExitCode::FAILURE
    })
}
