package dev.maml.sign;

import java.io.Console;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The standard source of key passwords, as minisign and ssh-keygen users expect: the variable
 * {@value #VARIABLE} first (CI has no terminal), then a prompt on the terminal that does not echo.
 * Without either, loading an encrypted key fails with a message naming both. The prompt needs a
 * terminal on standard input and output ({@link System#console()}), so the language server and
 * {@code maml mcp}, which talk over pipes, never block on one. An answer typed at the prompt is kept
 * for the rest of the process, per key file, so that {@code maml sign a b c} and a server that reads
 * its key at start and again for each run ask once; it is never written anywhere.
 */
public final class KeyPasswords implements KeyPassword {

    public static final String VARIABLE = "MAML_KEY_PASSWORD";

    private static final KeyPasswords STANDARD = new KeyPasswords(System::getenv, System::console);

    private final Function<String, String> environment;
    private final Supplier<Console> console;
    private final Map<Path, char[]> typed = new HashMap<>();

    KeyPasswords(Function<String, String> environment, Supplier<Console> console) {
        this.environment = environment;
        this.console = console;
    }

    /** The process's environment and terminal. */
    public static KeyPasswords standard() {
        return STANDARD;
    }

    @Override
    public synchronized char[] forKey(Path keyFile) throws KeyFileException {
        char[] fromEnvironment = fromEnvironment();
        if (fromEnvironment != null) {
            return fromEnvironment;
        }
        Path key = keyFile.toAbsolutePath().normalize();
        char[] known = typed.get(key);
        if (known != null) {
            return known.clone();
        }
        Console terminal = console.get();
        if (terminal == null) {
            throw new KeyFileException(keyFile + ": is encrypted; set " + VARIABLE
                    + " or run from a terminal to be asked for its password");
        }
        char[] answer = terminal.readPassword("Password for %s: ", keyFile);
        if (answer == null) {
            throw new KeyFileException(keyFile + ": no password given (end of input)");
        }
        typed.put(key, answer.clone());
        return answer;
    }

    /**
     * A password for a new key: {@value #VARIABLE}, or typed twice at the terminal (the two must
     * match). Empty passwords are refused: use no {@code --password} for an unencrypted key.
     */
    public char[] newPassword() throws KeyFileException {
        char[] fromEnvironment = fromEnvironment();
        if (fromEnvironment != null) {
            return fromEnvironment;
        }
        Console terminal = console.get();
        if (terminal == null) {
            throw new KeyFileException("--password: set " + VARIABLE + " or run from a terminal to type the password");
        }
        char[] first = terminal.readPassword("New key password: ");
        char[] second = first == null || first.length == 0 ? null : terminal.readPassword("Same password again: ");
        try {
            if (first == null || first.length == 0) {
                throw new KeyFileException("--password: the password is empty (omit --password for an unencrypted key)");
            }
            if (!Arrays.equals(first, second)) {
                throw new KeyFileException("--password: the two passwords differ; nothing written");
            }
            return first.clone();
        } finally {
            clear(first);
            clear(second);
        }
    }

    /** The variable's value; an empty one counts as unset, so that an empty password is never used. */
    private char[] fromEnvironment() {
        String value = environment.apply(VARIABLE);
        return value == null || value.isEmpty() ? null : value.toCharArray();
    }

    static void clear(char[] password) {
        if (password != null) {
            Arrays.fill(password, '\0');
        }
    }
}
