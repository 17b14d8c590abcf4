/** The pharmacies module's value lists, one home for the server's checks and schemas and the web's counter form (labels in the locale files). */

/** Symptoms a buyer of fever and cough medicines reports at the counter. */
export const symptoms = ['fever', 'cough', 'chest_tightness', 'fatigue', 'sore_throat', 'loss_of_taste', 'diarrhoea'] as const;

/** The classes of medicine whose buyers are registered. */
export const medicineClasses = ['antipyretic', 'cough', 'antiviral', 'antibiotic'] as const;

/** The identity document a buyer shows. */
export const idKinds = ['resident_id', 'passport'] as const;

/** What a pharmacy reports its stock of. */
export const supplyItems = ['masks', 'alcohol', 'thermometers'] as const;
