package dev.maml.lint.rules;

import dev.maml.lint.Rule;
import java.util.List;

/** The rules about front matter (spec section 3). */
final class FrontMatterRules {

    private FrontMatterRules() {
    }

    static List<Rule> all() {
        return List.of(new RequiredKeyRule(), new MamlVersionRule(), new IdUrnUuidRule(), new OriginUriRule(),
                new PermissionsRule(), new CreatedAtRule(), new UnknownTypeRule(), new FrontMatterSchemaRule(),
                new UnknownKeyRule(), new EncryptionClaimRule());
    }
}
