package dev.maml.lsp.transport;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Set;
import java.util.function.Consumer;
import jdk.net.ExtendedSocketOptions;

/**
 * {@code maml lsp --pipe PATH}: a Unix domain socket, which the file system guards. When PATH does
 * not exist the server creates the socket there (mode 0600, in a directory its user owns and no one
 * else may write, so no one can swap it) and waits for one client; when PATH is a socket of the same
 * user the server connects to it, as vscode-languageclient's {@code TransportKind.pipe} expects
 * (the editor listens, the server is started with {@code --pipe=PATH}). Anything else at PATH, a
 * file or a symbolic link, is refused, never replaced. Either way the peer's user, from the kernel
 * (SO_PEERCRED), must be the server's own.
 */
public final class UnixSocket {

    private static final int SOCKET_TYPE = 0170000;
    private static final int IS_SOCKET = 0140000;

    private UnixSocket() {
    }

    public static Connection open(Path path, Consumer<String> log) throws IOException {
        Path socket = path.toAbsolutePath();
        UserPrincipal me = FileSystems.getDefault().getUserPrincipalLookupService()
                .lookupPrincipalByName(System.getProperty("user.name"));
        if (Files.exists(socket, LinkOption.NOFOLLOW_LINKS)) {
            return connect(path, socket, me);
        }
        return listen(path, socket, me, log);
    }

    private static Connection connect(Path path, Path socket, UserPrincipal me) throws IOException {
        int mode = (Integer) Files.getAttribute(socket, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        if ((mode & SOCKET_TYPE) != IS_SOCKET) {
            throw new TransportRefusedException(path + ": exists and is not a socket; refusing to replace it");
        }
        if (!Files.getOwner(socket, LinkOption.NOFOLLOW_LINKS).equals(me)) {
            throw new TransportRefusedException(path + ": a socket of another user");
        }
        SocketChannel channel;
        try {
            channel = SocketChannel.open(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            throw new TransportRefusedException(path + ": no one listens on this socket (left over from a crash? remove it)");
        }
        try {
            requireSameUser(channel, me, path);
        } catch (TransportRefusedException e) {
            channel.close();
            throw e;
        }
        return connection(channel);
    }

    private static Connection listen(Path path, Path socket, UserPrincipal me, Consumer<String> log) throws IOException {
        Path dir = socket.getParent();
        if (!Files.isDirectory(dir)) {
            throw new TransportRefusedException(path + ": no such directory " + dir);
        }
        Set<PosixFilePermission> dirMode = Files.getPosixFilePermissions(dir);
        if (!Files.getOwner(dir).equals(me) || dirMode.contains(PosixFilePermission.GROUP_WRITE)
                || dirMode.contains(PosixFilePermission.OTHERS_WRITE)) {
            throw new TransportRefusedException(path + ": the directory must be yours and writable by you only "
                    + "(someone else could replace the socket), for example $XDG_RUNTIME_DIR");
        }
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            try {
                Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
                log.accept("maml lsp: listening on " + path);
                return connection(acceptSameUser(server, me, path, log));
            } finally {
                // One client per server: once it is connected (or the server gives up) the name goes.
                Files.deleteIfExists(socket);
            }
        }
    }

    /** The mode bits leave a moment between bind and chmod; the peer's user closes it. */
    private static SocketChannel acceptSameUser(ServerSocketChannel server, UserPrincipal me, Path path,
                                                Consumer<String> log) throws IOException {
        while (true) {
            SocketChannel client = server.accept();
            try {
                requireSameUser(client, me, path);
                return client;
            } catch (TransportRefusedException e) {
                log.accept("maml lsp: refused a client: " + e.getMessage());
                client.close();
            }
        }
    }

    private static void requireSameUser(SocketChannel channel, UserPrincipal me, Path path) throws IOException {
        UserPrincipal peer = channel.getOption(ExtendedSocketOptions.SO_PEERCRED).user();
        if (!peer.equals(me)) {
            throw new TransportRefusedException(path + ": the peer runs as " + peer.getName() + ", not as " + me.getName());
        }
    }

    private static Connection connection(SocketChannel channel) {
        return Connection.of(ChannelStreams.input(channel), ChannelStreams.output(channel), channel);
    }
}
