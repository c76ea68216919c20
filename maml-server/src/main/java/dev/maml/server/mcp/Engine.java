package dev.maml.server.mcp;

import dev.maml.toolchain.Session;
import dev.maml.toolchain.Toolchain;

/** What the toolchain tools work with: the one engine, the server's session, and how arguments name a document. */
record Engine(Toolchain toolchain, Session session, DocumentInput input) {
}
