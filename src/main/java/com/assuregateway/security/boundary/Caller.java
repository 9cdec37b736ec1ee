package com.assuregateway.security.boundary;

import com.assuregateway.problems.entity.GatewayProblem;
import com.assuregateway.problems.entity.ProblemType;
import com.assuregateway.security.entity.Role;
import com.assuregateway.security.entity.ScopeRule;
import com.assuregateway.security.entity.TenantScope;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling, from the verified bearer token: the tenant they act for and what they may see. */
@RequestScoped
public class Caller {

    private static final Pattern TENANT = Pattern.compile("[A-Za-z0-9._:@-]{1,64}");

    @Inject
    JsonWebToken token;

    @Inject
    @ConfigProperty(name = "gateway.auth.tenant-claim", defaultValue = "tenant")
    String tenantClaim;

    /** The tenant a portal writes under; a token without one cannot act for anybody. */
    public String tenant() {
        Object claim = token.getClaim(tenantClaim);
        String tenant = claim instanceof JsonString json ? json.getString() : claim == null ? null : claim.toString();
        if (tenant == null || tenant.isBlank()) {
            throw new GatewayProblem(ProblemType.FORBIDDEN, "The token carries no '" + tenantClaim + "' claim");
        }
        if (!TENANT.matcher(tenant).matches()) {
            // the identity provider's value, but it is stored (64 characters) and compared: refuse, never cut
            throw new GatewayProblem(ProblemType.FORBIDDEN, "The token's '" + tenantClaim + "' claim is not a tenant id "
                    + "(1 to 64 letters, digits and . _ - : @)");
        }
        return tenant;
    }

    /** What this caller may read: every tenant for an auditor, reviewer or admin, its own for a portal. */
    public TenantScope readScope() {
        return ScopeRule.read(groups(), this::tenant);
    }

    /** What a portal write (dossier, process, photo, verification) may change: the token's own tenant only. */
    public TenantScope writeScope() {
        return ScopeRule.write(groups(), this::tenant, null);
    }

    /** Which dossiers this caller may erase: every tenant's for an admin token without {@code portal}. */
    public TenantScope eraseScope() {
        return ScopeRule.write(groups(), this::tenant, Role.ADMIN);
    }

    /** Whose webhook endpoints this caller manages: every tenant's for an admin token without {@code portal}. */
    public TenantScope endpointScope() {
        return ScopeRule.write(groups(), this::tenant, Role.ADMIN);
    }

    /** Which processes this caller may review: every tenant's for a reviewer token without {@code portal}. */
    public TenantScope reviewScope() {
        return ScopeRule.write(groups(), this::tenant, Role.REVIEWER);
    }

    /** Who acts, as recorded with a review (200 characters): a name the record cannot hold is refused. */
    public String subject() {
        String subject = token.getName();
        if (subject == null || subject.isBlank() || subject.length() > 200 || subject.chars().anyMatch(Character::isISOControl)) {
            throw new GatewayProblem(ProblemType.FORBIDDEN, "The token's subject is missing, longer than 200 characters "
                    + "or holds control characters");
        }
        return subject;
    }

    /** Empty without a token: RoleCheck keeps such calls out, this keeps a slip from becoming a 500. */
    private Set<String> groups() {
        Set<String> groups = token.getGroups();
        return groups == null ? Set.of() : groups;
    }
}
