package org.cloudmarket.shared.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;
import org.eclipse.persistence.config.PersistenceUnitProperties;

/**
 * Root of every tenant-owned entity. EclipseLink adds {@code tenant_id = :tenant} to every query
 * and fills the column on insert, from the property {@code TenantEntityManagers} creates every
 * persistence context with.
 */
@MappedSuperclass
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id",
        contextProperty = PersistenceUnitProperties.MULTITENANT_PROPERTY_DEFAULT,
        discriminatorType = DiscriminatorType.INTEGER)
public abstract class TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** Read-only view of the discriminator: EclipseLink owns the column. */
    @Column(name = "tenant_id", insertable = false, updatable = false)
    private Long tenantId;

    public Long getId() {
        return id;
    }

    public Long getTenantId() {
        return tenantId;
    }
}
