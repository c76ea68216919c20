package dev.maml.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.model.MamlDocument;
import dev.maml.parse.DocumentParser;
import org.junit.jupiter.api.Test;

class PermissionsTest {

    static MamlDocument doc(String execute) {
        return DocumentParser.parse("---\npermissions:\n  read: [\"agent://r\"]\n  execute: " + execute + "\n---\n");
    }

    @Test
    void literalEntriesAdmitExactlyThatIdentity() {
        MamlDocument doc = doc("[\"gateway://chimera-head-4\", agent://drone-security]");
        assertNull(Permissions.denyExecute(doc, Identity.parse("agent://drone-security").orElseThrow()));
        assertNull(Permissions.denyExecute(doc, Identity.parse("gateway://chimera-head-4").orElseThrow()));
        String denied = Permissions.denyExecute(doc, Identity.parse("agent://intruder").orElseThrow());
        assertNotNull(denied);
        assertTrue(denied.contains("agent://intruder") && denied.contains("gateway://chimera-head-4"), denied);
    }

    @Test
    void wildcardsAdmitTheirSchemeOnly() {
        MamlDocument doc = doc("[\"agent://*\"]");
        assertNull(Permissions.denyExecute(doc, Identity.LOCAL));
        assertNotNull(Permissions.denyExecute(doc, Identity.parse("gateway://g").orElseThrow()));
    }

    @Test
    void missingOrMalformedPermissionsAdmitNobody() {
        assertNotNull(Permissions.denyExecute(DocumentParser.parse("---\nid: x\n---\n"), Identity.LOCAL));
        assertNotNull(Permissions.denyExecute(doc("public"), Identity.LOCAL));
        assertNotNull(Permissions.denyExecute(DocumentParser.parse("no front matter"), Identity.LOCAL));
    }

    @Test
    void identitiesParseStrictly() {
        assertEquals("agent://local", Identity.LOCAL.uri());
        assertTrue(Identity.parse("agent:/x").isEmpty());
        assertTrue(Identity.parse("agent://a b").isEmpty());
        assertTrue(Identity.parse("https://x").isEmpty());
    }
}
