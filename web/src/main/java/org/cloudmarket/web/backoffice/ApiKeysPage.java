package org.cloudmarket.web.backoffice;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Set;
import org.cloudmarket.identity.domain.AuditEntry.Channel;
import org.cloudmarket.identity.service.ApiKeyView;
import org.cloudmarket.identity.service.ApiKeys;
import org.cloudmarket.identity.service.IssuedApiKey;
import org.cloudmarket.shared.error.DomainException;

/** The caller's organization's API keys: create one (its secret shown this once) and revoke. */
@Named
@ViewScoped
public class ApiKeysPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private ApiKeys apiKeys;

    private String name;
    /** The secret of the key just created, shown once; never kept beyond this view. */
    private String secret;

    private transient List<ApiKeyView> keys;

    public List<ApiKeyView> getKeys() {
        if (keys == null) {
            keys = apiKeys.list();
        }
        return keys;
    }

    public void create() {
        try {
            IssuedApiKey issued = apiKeys.create(name, ClientAddress.ofRequest(), Channel.WEB);
            secret = issued.secret();
            name = null;
            keys = null;
        } catch (DomainException refused) {
            FieldMessages.refused("apiKey", Set.of("name"), refused);
        }
    }

    public void revoke(long keyId) {
        try {
            apiKeys.revoke(keyId, ClientAddress.ofRequest(), Channel.WEB);
            secret = null;
            keys = null;
            PageMessages.done("The key is revoked.");
        } catch (DomainException refused) {
            PageMessages.refused(refused);
        }
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getSecret() {
        return secret;
    }
}
