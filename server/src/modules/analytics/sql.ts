/** Age band of `yp` on a date, in SQL. */
export const ageBandAt = (date: string) => `(CASE
  WHEN date_part('year', age(${date}, yp.date_of_birth)) < 13 THEN 'UNDER_13'
  WHEN date_part('year', age(${date}, yp.date_of_birth)) <= 14 THEN 'AGE_13_14'
  WHEN date_part('year', age(${date}, yp.date_of_birth)) = 15 THEN 'AGE_15'
  WHEN date_part('year', age(${date}, yp.date_of_birth)) = 16 THEN 'AGE_16'
  WHEN date_part('year', age(${date}, yp.date_of_birth)) = 17 THEN 'AGE_17'
  ELSE 'AGE_18_PLUS' END)`;
