package dev.maml.server.mcp.workflows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.run.Identity;
import dev.maml.server.mcp.workflows.Unlisted.Reason;
import dev.maml.server.receipts.RunOutputs;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which documents become tools, and why the others do not, without a server. */
class WorkflowCatalogTest {

    @TempDir
    Path root;

    private WorkflowDocs docs;

    @BeforeEach
    void keys() throws Exception {
        docs = new WorkflowDocs(root);
    }

    private WorkflowCatalog catalog() throws Exception {
        return new WorkflowCatalog(docs.workflows, docs.session(), null, RunOutputs.in(docs.receipts));
    }

    private static Map<String, Reason> reasons(Listing listing) {
        Map<String, Reason> out = new TreeMap<>();
        listing.unlisted().forEach(u -> out.put(u.file().getFileName().toString(), u.reason()));
        return out;
    }

    @Test
    void onlyTheSignedTrustedPermittedLintCleanDocumentIsListedAndEveryOtherHasItsReason() throws Exception {
        docs.signed("drone.maml.md", WorkflowDocs.document("Exchange a key."), docs.trusted);
        docs.write("unsigned.maml.md", WorkflowDocs.document("Never signed."));
        docs.signed("stranger.maml.md", WorkflowDocs.document("Signed by an unknown key."), docs.stranger);
        docs.signed("broken.maml.md", WorkflowDocs.document("Bad id.").replaceFirst("urn:uuid:[0-9a-f-]+", "not-a-uuid"),
                docs.trusted);
        docs.signed("private.maml.md", WorkflowDocs.document("Someone else's.", "\"agent://someone-else\"",
                "\"agent://local\""), docs.trusted);
        Path tampered = docs.signed("tampered.maml.md", WorkflowDocs.document("Edited after signing."), docs.trusted);
        Files.writeString(tampered, Files.readString(tampered).replace("Edited after signing.", "Edited after signing!"));
        Files.writeString(docs.workflows.resolve("notes.md"), "not a workflow");
        try (WorkflowCatalog catalog = catalog()) {
            Listing listing = catalog.list(Identity.LOCAL);
            assertEquals(List.of("workflow_drone"), listing.toolNames());
            assertEquals(Map.of("broken.maml.md", Reason.LINT_ERRORS, "private.maml.md", Reason.NOT_PERMITTED,
                    "stranger.maml.md", Reason.UNTRUSTED, "tampered.maml.md", Reason.INVALID_SIGNATURE,
                    "unsigned.maml.md", Reason.NOT_SIGNED), reasons(listing), listing.unlisted().toString());
            String lint = listing.unlisted().stream().filter(u -> u.reason() == Reason.LINT_ERRORS).findFirst()
                    .orElseThrow().message();
            assertTrue(lint.startsWith("broken.maml.md: ") && lint.contains("MAML012"), lint);
            assertTrue(reasons(catalog.list(Identity.parse("agent://someone-else").orElseThrow()))
                    .get("drone.maml.md") == Reason.NOT_PERMITTED);
            assertEquals(List.of("workflow_drone", "workflow_private"), catalog.list(null).toolNames(),
                    "for callers that vary, permission is left to each call");
        }
    }

    @Test
    void twoFilesWithTheSameToolNameAreBothLeftOutAndSayWhichOthers() throws Exception {
        docs.signed("a_b.maml.md", WorkflowDocs.document("One."), docs.trusted);
        docs.signed("a b.maml.markdown", WorkflowDocs.document("Two."), docs.trusted);
        docs.signed("other.maml.md", WorkflowDocs.document("Three."), docs.trusted);
        try (WorkflowCatalog catalog = catalog()) {
            Listing listing = catalog.list(Identity.LOCAL);
            assertEquals(List.of("workflow_other"), listing.toolNames());
            assertEquals(Map.of("a b.maml.markdown", Reason.NAME_CLASH, "a_b.maml.md", Reason.NAME_CLASH),
                    reasons(listing));
            assertTrue(listing.unlisted().get(0).message().contains("a b.maml.markdown, a_b.maml.md")
                    && listing.unlisted().get(0).message().contains("workflow_a_b"), listing.unlisted().get(0).message());
        }
    }

    @Test
    void aClashWithADocumentThatIsNotListedAnywayTakesNothingAway() throws Exception {
        docs.signed("x.maml.md", WorkflowDocs.document("Listed."), docs.trusted);
        docs.write("x.maml.markdown", WorkflowDocs.document("Unsigned twin."));
        try (WorkflowCatalog catalog = catalog()) {
            assertEquals(List.of("workflow_x"), catalog.list(Identity.LOCAL).toolNames());
        }
    }

    @Test
    void namesAreTheStemWithOtherCharactersAsUnderscores() {
        assertEquals("workflow_drone", WorkflowReader.toolName(Path.of("drone.maml.md")));
        assertEquals("workflow_Drone_2_x-y", WorkflowReader.toolName(Path.of("Drone 2.x-y.MAML.markdown")));
        assertEquals("workflow__", WorkflowReader.toolName(Path.of("é.maml.md")));
    }

    @Test
    void aStemTooLongForAnMcpToolNameIsNamedAsTheReason() throws Exception {
        docs.signed("x".repeat(120) + ".maml.md", WorkflowDocs.document("Long."), docs.trusted);
        docs.signed("y".repeat(119) + ".maml.md", WorkflowDocs.document("Just fits."), docs.trusted);
        try (WorkflowCatalog catalog = catalog()) {
            Listing listing = catalog.list(Identity.LOCAL);
            assertEquals(List.of("workflow_" + "y".repeat(119)), listing.toolNames());
            assertEquals(Reason.NAME_TOO_LONG, listing.unlisted().get(0).reason());
            assertTrue(listing.unlisted().get(0).message().contains("129 characters"), listing.unlisted().get(0).message());
        }
    }

    @Test
    void aSchemaThatIsNotAnObjectSchemaIsNamedAsTheReason() throws Exception {
        docs.signed("array.maml.md", WorkflowDocs.document("Array input.")
                .replaceFirst("\"type\": \"object\"", "\"type\": \"array\""), docs.trusted);
        try (WorkflowCatalog catalog = catalog()) {
            Unlisted u = catalog.list(Identity.LOCAL).unlisted().get(0);
            assertEquals(Reason.SCHEMA_NOT_OBJECT, u.reason(), u.message());
            assertTrue(u.message().contains("Input_Schema has type \"array\""), u.message());
        }
    }

    @Test
    void aMissingDirectoryIsAClearErrorAtStart() {
        NotDirectoryException e = assertThrows(NotDirectoryException.class, () -> new WorkflowCatalog(
                root.resolve("nope"), docs.session(), null, RunOutputs.in(docs.receipts)));
        assertTrue(e.getMessage().contains("workflows directory"), e.getMessage());
        assertFalse(Files.exists(root.resolve("nope")));
    }
}
