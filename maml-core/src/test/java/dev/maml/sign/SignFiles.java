package dev.maml.sign;

import dev.maml.toolchain.Identity;
import dev.maml.toolchain.Session;
import dev.maml.toolchain.Signed;
import dev.maml.toolchain.Toolchain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Signs a file as `maml sign` does: {@link Toolchain#sign} with the key as the session's identity, then the text written back. */
final class SignFiles {

    private SignFiles() {
    }

    /** Returns the signing key's key_id; the file is left untouched when signing is refused. */
    static String sign(Path document, Path keyFile, Path publicKeyFile, Instant now) throws Exception {
        Session session = Session.builder().identity(new Identity(keyFile, publicKeyFile))
                .clock(Clock.fixed(now, ZoneOffset.UTC)).build();
        Signed signed = new Toolchain().sign(session.read(document), session);
        Files.writeString(document, signed.text());
        return signed.keyId();
    }
}
