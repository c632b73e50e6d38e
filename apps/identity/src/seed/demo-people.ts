// Demo people for development and tests. Their passwords are public by design; the
// accounts exist only where the demo seed runs (never in production mode). All are verified
// (IAL2) as if they had completed identity verification, except Grace (seedVerified: false), so the tax account (which asks for
// a verified identity) works out of the box: James with an ITIN, the others with an SSN. Their
// numbers are shaped like real ones (domain.md) but made up. The tax account holds matching
// records for each (apps/account/src/seed/demo-taxpayers.ts; a unit test keeps them in step),
// except that Olivia has moved since her last return, to show a linking mismatch.
import type { PostalAddress } from '../db/verified-profiles-repo.ts';

export interface DemoPerson {
  email: string;
  givenName: string;
  familyName: string;
  password: string;
  /**
   * false: the account exists but has not verified its identity yet, so signing in to the tax
   * account (which asks for a verified identity) walks through identity verification.
   */
  seedVerified?: false;
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
  {
    email: 'linda.chen@example.com',
    givenName: 'Linda',
    familyName: 'Chen',
    password: 'maple-lantern-river-28',
    verified: {
      birthdate: '1978-06-22',
      address: {
        street_address: '4420 Oak Ridge Dr',
        locality: 'Austin',
        region: 'TX',
        postal_code: '78731',
        country: 'US',
      },
      phone: '+15125550123',
      tin: '521448830',
      tinType: 'ssn',
    },
  },
  {
    email: 'robert.johnson@example.com',
    givenName: 'Robert',
    familyName: 'Johnson',
    password: 'copper-falcon-garden-63',
    verified: {
      birthdate: '1969-09-04',
      address: {
        street_address: '310 Pine St',
        locality: 'Columbus',
        region: 'OH',
        postal_code: '43215',
        country: 'US',
      },
      phone: '+16145550188',
      tin: '287391045',
      tinType: 'ssn',
    },
  },
  {
    email: 'aisha.patel@example.com',
    givenName: 'Aisha',
    familyName: 'Patel',
    password: 'silver-comet-prairie-51',
    verified: {
      birthdate: '1992-01-30',
      address: {
        street_address: '2701 Grand Ave Apt 12',
        locality: 'Des Moines',
        region: 'IA',
        postal_code: '50312',
        country: 'US',
      },
      phone: '+15155550176',
      tin: '618204377',
      tinType: 'ssn',
    },
  },
  {
    email: 'david.okafor@example.com',
    givenName: 'David',
    familyName: 'Okafor',
    password: 'amber-willow-canyon-84',
    verified: {
      birthdate: '1981-05-09',
      address: {
        street_address: '19 Cedar Ln',
        locality: 'Raleigh',
        region: 'NC',
        postal_code: '27603',
        country: 'US',
      },
      phone: '+19195550134',
      tin: '452907731',
      tinType: 'ssn',
    },
  },
  {
    email: 'sofia.ramirez@example.com',
    givenName: 'Sofia',
    familyName: 'Ramirez',
    password: 'coral-piano-summit-39',
    verified: {
      birthdate: '1975-12-11',
      address: {
        street_address: '908 Mission Blvd',
        locality: 'Hayward',
        region: 'CA',
        postal_code: '94541',
        country: 'US',
      },
      phone: '+15105550161',
      tin: '731560284',
      tinType: 'ssn',
    },
  },
  {
    email: 'thomas.miller@example.com',
    givenName: 'Thomas',
    familyName: 'Miller',
    password: 'granite-poppy-island-72',
    verified: {
      birthdate: '1988-08-19',
      address: {
        street_address: '55 Birch Rd',
        locality: 'Burlington',
        region: 'VT',
        postal_code: '05401',
        country: 'US',
      },
      phone: '+18025550119',
      tin: '359118462',
      tinType: 'ssn',
    },
  },
  {
    email: 'olivia.bennett@example.com',
    givenName: 'Olivia',
    familyName: 'Bennett',
    password: 'velvet-harbor-meadow-26',
    verified: {
      birthdate: '1995-04-27',
      // Her new address; her returns still show 410 Elm St Apt 2, Milwaukee, WI 53202.
      address: {
        street_address: '77 Lakeview Dr',
        locality: 'Madison',
        region: 'WI',
        postal_code: '53703',
        country: 'US',
      },
      phone: '+16085550145',
      tin: '602318847',
      tinType: 'ssn',
    },
  },
  {
    // Not verified yet: her records (these details) are what identity verification checks.
    email: 'grace.kim@example.com',
    givenName: 'Grace',
    familyName: 'Kim',
    password: 'amber-lantern-canyon-58',
    seedVerified: false,
    verified: {
      birthdate: '1992-08-21',
      address: {
        street_address: '2417 Pine St',
        locality: 'Boulder',
        region: 'CO',
        postal_code: '80302',
        country: 'US',
      },
      phone: '+13035550163',
      tin: '508226174',
      tinType: 'ssn',
    },
  },
];
