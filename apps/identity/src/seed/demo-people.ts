// Demo people for development and tests. Their passwords are public by design; the
// accounts exist only where the demo seed runs (never in production mode).
export interface DemoPerson {
  email: string;
  givenName: string;
  familyName: string;
  password: string;
}

export const DEMO_PEOPLE: readonly DemoPerson[] = [
  {
    email: 'maria.garcia@example.com',
    givenName: 'Maria',
    familyName: 'Garcia',
    password: 'orange-tulip-harbor-42',
  },
  {
    email: 'james.wilson@example.com',
    givenName: 'James',
    familyName: 'Wilson',
    password: 'cedar-violin-meadow-17',
  },
];
