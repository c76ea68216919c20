package dev.maml.sign;

import java.nio.file.Path;

/** Where the password of an encrypted private key comes from. */
@FunctionalInterface
public interface KeyPassword {

    /**
     * The password for {@code keyFile} (the caller clears the array after use).
     *
     * @throws KeyFileException when there is none to be had, with a message saying how to give one
     */
    char[] forKey(Path keyFile) throws KeyFileException;
}
