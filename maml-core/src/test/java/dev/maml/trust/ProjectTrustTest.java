package dev.maml.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maml.sign.Algorithm;
import dev.maml.sign.DocumentSigner;
import dev.maml.sign.DocumentVerifier;
import dev.maml.sign.KeyFiles;
import dev.maml.sign.MlDsa;
import dev.maml.sign.Outcome;
import dev.maml.sign.TrustStore;
import dev.maml.sign.Verification;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spec section 8, "trust comes from the verifier": a project store counts only when the user allowed
 * that exact store with the contents it has now. Each test plants what an attacker's repository,
 * tarball or pull request could contain.
 */
class ProjectTrustTest {

    static final KeyPair OWNER = MlDsa.generate(Algorithm.ML_DSA_44, new SecureRandom());
    static final KeyPair ATTACKER = MlDsa.generate(Algorithm.ML_DSA_44, new SecureRandom());
    static final String DOC = "---\nid: x\nverification:\n  method: ml-dsa-44\n---\n## Intent\nTrust me.\n";

    @TempDir
    Path tmp;

    private UserConfig config() {
        return new UserConfig(tmp.resolve("home/.config/maml"));
    }

    private static Path store(Path project, String name, KeyPair key) throws IOException {
        Path store = Files.createDirectories(project.resolve(".maml/trusted_keys"));
        Files.writeString(store.resolve(name), KeyFiles.encodePublic(key.getPublic()));
        return store;
    }

    private static Path document(Path dir, KeyPair signer) throws Exception {
        Files.createDirectories(dir);
        Path doc = dir.resolve("doc.maml.md");
        Files.writeString(doc, DocumentSigner.sign(DOC, signer.getPrivate(), null, null, Instant.EPOCH, new SecureRandom()));
        return doc;
    }

    private Verification verify(Path doc) throws IOException {
        return verify(doc, standard(doc));
    }

    private TrustStore standard(Path doc) throws IOException {
        return TrustStore.standard(config(), doc.getParent(), List.of());
    }

    private static Verification verify(Path doc, TrustStore trust) throws IOException {
        return DocumentVerifier.verify(Files.readAllBytes(doc), doc.getParent(), trust);
    }

    private void allow(Path project) throws IOException {
        AllowedStores.load(config()).allow(StoreSnapshot.read(ProjectStores.named(project).orElseThrow()));
    }

    @Test
    void aClonedRepositoryThatPlantsAStoreDoesNotVouchForItself() throws Exception {
        Path repo = tmp.resolve("clone");
        Path store = store(repo, "attacker.pub", ATTACKER);
        Path doc = document(repo.resolve("docs"), ATTACKER);
        TrustStore trust = standard(doc);
        assertEquals(Outcome.VALID_UNTRUSTED, verify(doc, trust).outcome());
        assertEquals(List.of(store.toRealPath()), trust.notAllowed());
        assertTrue(trust.advice().contains("maml trust allow"), trust.advice());
    }

    @Test
    void anAllowedStoreTrustsItsKeys() throws Exception {
        Path repo = tmp.resolve("project");
        store(repo, "owner.pub", OWNER);
        allow(repo);
        assertEquals(Outcome.VALID, verify(document(repo.resolve("a/b"), OWNER)).outcome());
    }

    @Test
    void anAllowedStoreHoldingADifferentKeyDoesNotTrustTheSigner() throws Exception {
        Path repo = tmp.resolve("project");
        store(repo, "owner.pub", OWNER);
        allow(repo);
        assertEquals(Outcome.VALID_UNTRUSTED, verify(document(repo, ATTACKER)).outcome());
    }

    @Test
    void aPlantedSubdirectoryStoreNeitherAddsTrustNorShadowsTheAllowedOne() throws Exception {
        Path repo = tmp.resolve("project");
        store(repo, "owner.pub", OWNER);
        allow(repo);
        Path planted = repo.resolve("pr/added");
        store(planted, "attacker.pub", ATTACKER);
        assertEquals(Outcome.VALID_UNTRUSTED, verify(document(planted, ATTACKER)).outcome(), "the planted store adds nothing");
        assertEquals(Outcome.VALID, verify(document(planted, OWNER)).outcome(), "the nearest store no longer wins");
    }

    @Test
    void aStoreChangedAfterItWasAllowedIsIgnoredWithAWarningUntilAllowedAgain() throws Exception {
        Path repo = tmp.resolve("project");
        Path store = store(repo, "owner.pub", OWNER);
        allow(repo);
        store(repo, "attacker.pub", ATTACKER);
        Path doc = document(repo, OWNER);
        TrustStore trust = standard(doc);
        assertEquals(Outcome.VALID_UNTRUSTED, verify(doc, trust).outcome(), "even the owner's key: the store changed");
        assertEquals(1, trust.warnings().size(), trust.warnings().toString());
        assertTrue(trust.warnings().get(0).contains(store.toRealPath() + " changed since it was allowed"), trust.warnings().get(0));
        allow(repo);
        assertEquals(Outcome.VALID, verify(doc).outcome());
    }

    @Test
    void anyChangeToTheStoreChangesItsDigest() throws Exception {
        Path store = store(tmp.resolve("p"), "owner.pub", OWNER);
        String digest = StoreSnapshot.read(store).digest();
        Files.writeString(store.resolve("README"), "not a key");
        String withReadme = StoreSnapshot.read(store).digest();
        assertFalse(digest.equals(withReadme), "a file that is not a key is still part of the store");
        Files.delete(store.resolve("README"));
        assertEquals(digest, StoreSnapshot.read(store).digest(), "the digest is of the contents, not of the time");
        Files.move(store.resolve("owner.pub"), store.resolve("renamed.pub"));
        assertFalse(digest.equals(StoreSnapshot.read(store).digest()), "names count");
        Files.createDirectory(store.resolve("sub"));
        Files.move(store.resolve("renamed.pub"), store.resolve("sub/renamed.pub"));
        String nested = StoreSnapshot.read(store).digest();
        Files.writeString(store.resolve("sub/renamed.pub"), KeyFiles.encodePublic(ATTACKER.getPublic()));
        assertEquals(nested, StoreSnapshot.read(store).digest(), "a subdirectory is never read, so its contents do not count");
        assertTrue(StoreSnapshot.read(store).keyFiles().isEmpty(), "nor are keys in it used");
    }

    @Test
    void filesThatAreNotKeysAreNeverKeysAndOneBadKeyDoesNotHideTheOthers() throws Exception {
        Path repo = tmp.resolve("project");
        Path store = store(repo, "owner.pub", OWNER);
        Files.writeString(store.resolve("broken.pub"), "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n");
        Files.writeString(store.resolve("attacker.key.txt"), KeyFiles.encodePublic(ATTACKER.getPublic()));
        allow(repo);
        TrustStore trust = standard(document(repo, ATTACKER));
        assertEquals(Outcome.VALID_UNTRUSTED, verify(document(repo, ATTACKER), trust).outcome(), "only *.pub files are keys");
        assertEquals(Outcome.VALID, verify(document(repo, OWNER)).outcome());
        assertEquals(1, trust.warnings().size(), trust.warnings().toString());
        assertTrue(trust.warnings().get(0).contains("broken.pub"), trust.warnings().get(0));
    }

    @Test
    void aRevokedStoreIsNoLongerTrusted() throws Exception {
        Path repo = tmp.resolve("project");
        store(repo, "owner.pub", OWNER);
        allow(repo);
        Path doc = document(repo, OWNER);
        assertEquals(Outcome.VALID, verify(doc).outcome());
        AllowedStores allowed = AllowedStores.load(config());
        assertTrue(allowed.revoke(ProjectStores.recordNames(repo).get(0)));
        assertFalse(allowed.revoke(ProjectStores.recordNames(repo).get(0)), "nothing left to revoke");
        assertEquals(Outcome.VALID_UNTRUSTED, verify(doc).outcome());
    }

    @Test
    void symbolicLinksInAStoreAreNeverFollowed() throws Exception {
        Path repo = tmp.resolve("project");
        Path store = store(repo, "owner.pub", OWNER);
        Path outside = tmp.resolve("outside.pub");
        Files.writeString(outside, KeyFiles.encodePublic(OWNER.getPublic()));
        Files.createSymbolicLink(store.resolve("linked.pub"), outside);
        allow(repo);
        // After the allow, the link's target changes: the store's digest does not see it, so the link must not count.
        Files.writeString(outside, KeyFiles.encodePublic(ATTACKER.getPublic()));
        assertEquals(Outcome.VALID_UNTRUSTED, verify(document(repo, ATTACKER)).outcome());
        assertEquals(Outcome.VALID, verify(document(repo, OWNER)).outcome(), "the regular key file still counts");
        assertEquals(1, StoreSnapshot.read(store.toRealPath()).skipped().size());
    }

    @Test
    void aStoreThatIsASymbolicLinkIsNoStore() throws Exception {
        Path allowedRepo = tmp.resolve("allowed");
        Path allowedStore = store(allowedRepo, "owner.pub", OWNER);
        allow(allowedRepo);
        Path other = Files.createDirectories(tmp.resolve("other/.maml"));
        Files.createSymbolicLink(other.resolve("trusted_keys"), allowedStore);
        Path doc = document(tmp.resolve("other"), OWNER);
        assertEquals(Outcome.VALID_UNTRUSTED, verify(doc).outcome(), "another tree cannot borrow an allowed store by a link");
        assertTrue(ProjectStores.named(tmp.resolve("other")).isEmpty());
    }

    @Test
    void theStorePathIsCanonicalSoALinkedPathToTheProjectFindsIt() throws Exception {
        Path repo = tmp.resolve("project");
        store(repo, "owner.pub", OWNER);
        allow(repo);
        Path alias = Files.createSymbolicLink(tmp.resolve("alias"), repo);
        Path doc = document(alias.resolve("docs"), OWNER);
        assertEquals(Outcome.VALID, verify(doc).outcome());
        Path viaDots = repo.resolve("docs/../docs");
        assertEquals(Outcome.VALID, DocumentVerifier.verify(Files.readAllBytes(doc), viaDots,
                TrustStore.standard(config(), viaDots, List.of())).outcome());
    }

    @Test
    void withoutADocumentDirectoryOnlyTheUserStoreCounts() throws Exception {
        Path repo = tmp.resolve("project");
        store(repo, "owner.pub", OWNER);
        allow(repo);
        Path doc = document(repo, OWNER);
        assertEquals(Outcome.VALID_UNTRUSTED, verify(doc, TrustStore.standard(config(), null, List.of())).outcome());
        Files.createDirectories(config().trustedKeys());
        Files.writeString(config().trustedKeys().resolve("owner.pub"), KeyFiles.encodePublic(OWNER.getPublic()));
        assertEquals(Outcome.VALID, verify(doc, TrustStore.standard(config(), null, List.of())).outcome());
    }

    @Test
    void theRecordIsWrittenOwnerOnlyAndNeverThroughALink() throws Exception {
        Path repo = tmp.resolve("project");
        store(repo, "owner.pub", OWNER);
        allow(repo);
        Path record = config().allowedStores();
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(record)));
        String text = Files.readString(record);
        assertTrue(text.contains(StoreSnapshot.read(repo.resolve(".maml/trusted_keys")).digest() + " "
                + repo.toRealPath().resolve(".maml/trusted_keys") + "\n"), text);
        Files.delete(record);
        Path elsewhere = Files.writeString(tmp.resolve("victim"), "keep");
        Files.createSymbolicLink(record, elsewhere);
        IOException e = assertThrows(IOException.class, () -> allow(repo));
        assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
        assertEquals("keep", Files.readString(elsewhere));
    }

    @Test
    void aHostileRecordFileTrustsNothingItDoesNotSpellExactly() throws Exception {
        Path repo = tmp.resolve("project");
        Path store = store(repo, "owner.pub", OWNER).toRealPath();
        Files.createDirectories(config().dir());
        String digest = StoreSnapshot.read(store).digest();
        Files.writeString(config().allowedStores(), "garbage\n" + digest + "  " + store + "\n" + "sha3-256:00 " + store + "\n"
                + digest + " relative/.maml/trusted_keys\n");
        assertEquals(Map.of(), AllowedStores.load(config()).all());
        assertEquals(Outcome.VALID_UNTRUSTED, verify(document(repo, OWNER)).outcome());
    }

    @Test
    void aHugeOrCrowdedStoreIsIgnored() throws Exception {
        Path store = store(tmp.resolve("p"), "owner.pub", OWNER);
        Files.write(store.resolve("big.pub"), new byte[StoreSnapshot.MAX_FILE_BYTES + 1]);
        assertThrows(IOException.class, () -> StoreSnapshot.read(store));
        Files.delete(store.resolve("big.pub"));
        for (int i = 0; i < StoreSnapshot.MAX_ENTRIES; i++) {
            Files.createFile(store.resolve("f" + i));
        }
        assertThrows(IOException.class, () -> StoreSnapshot.read(store));
    }

    @Test
    void theConfigurationFollowsXdgConfigHome() {
        assertEquals(Path.of("/x/maml"), UserConfig.from(Map.of("XDG_CONFIG_HOME", "/x"), "/home/u").dir());
        assertEquals(Path.of("/home/u/.config/maml"), UserConfig.from(Map.of(), "/home/u").dir());
        assertEquals(Path.of("/home/u/.config/maml"), UserConfig.from(Map.of("XDG_CONFIG_HOME", "rel"), "/home/u").dir(),
                "a relative XDG_CONFIG_HOME is invalid and ignored");
    }

    @Test
    void testsNeverSeeTheRealUsersConfiguration() {
        assertTrue(UserConfig.fromEnvironment().dir().toString().contains("test-user-config"),
                "surefire sets XDG_CONFIG_HOME to a directory under target/");
    }
}
