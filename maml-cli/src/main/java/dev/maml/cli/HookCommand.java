package dev.maml.cli;

import picocli.CommandLine.Command;

@Command(name = "hook", description = "Git pre-commit hook that lints the staged versions of staged MAML files.",
        subcommands = {HookInstallCommand.class, HookRunCommand.class})
final class HookCommand {
}
