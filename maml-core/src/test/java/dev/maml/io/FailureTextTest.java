package dev.maml.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.BindException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class FailureTextTest {

    @Test
    void anIoProblemNamesItsFileInWordsWhereTheJdkGivesTheBarePath() {
        assertEquals("a.maml.md: no such file", FailureText.of(new NoSuchFileException("a.maml.md")));
        assertEquals("k.pub: permission denied", FailureText.of(new AccessDeniedException("k.pub")));
        assertEquals("d: Not a directory", FailureText.of(new FileSystemException("d", null, "Not a directory")));
        assertEquals("d: FileSystemException", FailureText.of(new FileSystemException("d")));
    }

    @Test
    void anyOtherFailureGivesItsMessageOrItsKindWhenItHasNone() {
        assertEquals("disk full", FailureText.of(new IOException("disk full")));
        assertEquals("BindException", FailureText.of(new BindException()));
        assertEquals("TimeoutException", FailureText.of(new TimeoutException(" \n")));
        assertEquals("IllegalStateException", FailureText.of(new IllegalStateException("")));
    }
}
