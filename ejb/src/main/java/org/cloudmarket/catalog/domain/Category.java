package org.cloudmarket.catalog.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import org.cloudmarket.shared.error.InvalidInput;
import org.cloudmarket.shared.persistence.TenantOwned;

/** A shelf of the tenant's catalog. */
@Entity
@Table(name = "category")
@NamedQuery(name = Category.ALL, query = "SELECT c FROM Category c ORDER BY c.position, c.name")
public class Category extends TenantOwned {

    public static final String ALL = "Category.all";

    private String name;

    private String slug;

    private int position;

    protected Category() {
    }

    public Category(String name, int position) {
        if (name == null || name.isBlank() || name.strip().length() > 100) {
            throw new InvalidInput("name", "A category needs a name of at most 100 characters");
        }
        this.name = name.strip();
        this.slug = Slugs.of(name);
        this.position = position;
    }

    public String getName() {
        return name;
    }

    public String getSlug() {
        return slug;
    }
}
