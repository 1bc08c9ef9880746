namespace NanoMikey.X509
{
    /// <summary>X.520 naming attribute types under id-at (2.5.4.x); each value is the last arc of its OID.</summary>
    public enum X509NameAttribute
    {
        /// <summary>commonName (CN), 2.5.4.3.</summary>
        CommonName = 3,

        /// <summary>surname (SN), 2.5.4.4.</summary>
        Surname = 4,

        /// <summary>serialNumber, 2.5.4.5.</summary>
        SerialNumber = 5,

        /// <summary>countryName (C), 2.5.4.6.</summary>
        Country = 6,

        /// <summary>localityName (L), 2.5.4.7.</summary>
        Locality = 7,

        /// <summary>stateOrProvinceName (ST), 2.5.4.8.</summary>
        StateOrProvince = 8,

        /// <summary>streetAddress (STREET), 2.5.4.9.</summary>
        StreetAddress = 9,

        /// <summary>organizationName (O), 2.5.4.10.</summary>
        Organization = 10,

        /// <summary>organizationalUnitName (OU), 2.5.4.11.</summary>
        OrganizationalUnit = 11,

        /// <summary>title, 2.5.4.12.</summary>
        Title = 12,

        /// <summary>givenName, 2.5.4.42.</summary>
        GivenName = 42,
    }
}
