// Demo people for development and tests. Their passwords are public by design; the
// accounts exist only where the demo seed runs (never in production mode). Both are verified
// (IAL2) as if they had completed identity verification, so the tax account (which asks for
// a verified identity) works out of the box: Maria with an SSN, James with an ITIN. Their
// numbers are shaped like real ones (domain.md) but made up.
import type { PostalAddress } from '../db/verified-profiles-repo.ts';

export interface DemoPerson {
  email: string;
  givenName: string;
  familyName: string;
  password: string;
  verified: {
    birthdate: string;
    address: PostalAddress;
    phone: string;
    tin: string;
    tinType: 'ssn' | 'itin';
  };
}

export const DEMO_PEOPLE: readonly DemoPerson[] = [
  {
    email: 'maria.garcia@example.com',
    givenName: 'Maria',
    familyName: 'Garcia',
    password: 'orange-tulip-harbor-42',
    verified: {
      birthdate: '1984-03-17',
      address: {
        street_address: '1200 Maple Ave Apt 4B',
        locality: 'Springfield',
        region: 'IL',
        postal_code: '62704',
        country: 'US',
      },
      phone: '+12175550142',
      tin: '400123456',
      tinType: 'ssn',
    },
  },
  {
    email: 'james.wilson@example.com',
    givenName: 'James',
    familyName: 'Wilson',
    password: 'cedar-violin-meadow-17',
    verified: {
      birthdate: '1990-11-02',
      address: {
        street_address: '85 Harbor St',
        locality: 'Portland',
        region: 'ME',
        postal_code: '04101',
        country: 'US',
      },
      phone: '+12075550199',
      tin: '912734567',
      tinType: 'itin',
    },
  },
];
